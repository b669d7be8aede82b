package io.kursfilm.tenant.boundary;

import io.kursfilm.kernel.Role;
import io.kursfilm.tenant.entity.Tenant;
import io.kursfilm.tenant.entity.TenantState;
import java.util.Set;

/** What the outside sees of a tenant. */
public record TenantView(String id, String slug, String name, String state) {

  static TenantView of(Tenant t) {
    return new TenantView(t.id(), t.slug(), t.name(), t.state().name());
  }

  /** Whether its users may log in and its data be read (not shredded). */
  public boolean isActive() {
    return TenantState.ACTIVE.name().equals(state);
  }

  /** Whether the tenant is frozen for its offboarding (export running or ready, no shred yet). */
  public boolean isOffboarding() {
    return TenantState.OFFBOARDING.name().equals(state);
  }

  /**
   * Whether anybody of the tenant may still log in: an ACTIVE tenant, or an OFFBOARDING one, whose
   * tenant admins (only, see {@link #admits}) need to follow and download their export.
   */
  public boolean admitsLogins() {
    return isActive() || isOffboarding();
  }

  /**
   * The one login rule by tenant state: everybody of an ACTIVE tenant; of an OFFBOARDING tenant
   * only its TENANT_ADMINs (everybody else is refused exactly as for a shredded tenant); nobody of
   * a shredded or unknown one. Applied at password, SSO and bearer login and to every session on
   * every request.
   */
  public boolean admits(Set<Role> roles) {
    return isActive() || (isOffboarding() && roles.contains(Role.TENANT_ADMIN));
  }
}
