package io.kursfilm.tenant.boundary;

import io.kursfilm.kernel.Role;
import io.kursfilm.tenant.entity.Tenant;
import io.kursfilm.tenant.entity.TenantState;
import java.util.Set;
import java.util.logging.Logger;

/**
 * What the outside sees of a tenant. Slug and name are sealed under the tenant's own key: once it
 * is shredded they no longer open, and the view says so instead ({@link #readable}).
 *
 * @param slug null when it no longer opens (shredded)
 * @param name "shredded tenant" and the id when it no longer opens
 */
public record TenantView(String id, String slug, String name, String state) {

  private static final Logger LOG = Logger.getLogger(TenantView.class.getName());

  /** The name shown for a tenant whose key no longer opens its name. */
  public static final String UNREADABLE_NAME = "shredded tenant";

  static TenantView of(Tenant t) {
    String slug;
    String name;
    try {
      slug = t.slug();
      name = t.name();
    } catch (RuntimeException closedOrDestroyed) {
      // The tenant gate refuses a shredded tenant, a destroyed key opens nothing: both mean gone.
      if (t.isActive()) {
        // Not expected of an active tenant: a shred that stopped after destroying the key, or a
        // key store that fails. Ids only.
        LOG.warning(
            () ->
                "slug and name of active tenant "
                    + t.id()
                    + " do not open: "
                    + closedOrDestroyed.getClass().getSimpleName());
      }
      slug = null;
      name = UNREADABLE_NAME + " " + t.id();
    }
    return new TenantView(t.id(), slug, name, t.state().name());
  }

  /** Whether its users may log in and its data be read (not shredded). */
  public boolean isActive() {
    return TenantState.ACTIVE.name().equals(state);
  }

  /** Whether its slug and name still open (false once it is shredded). */
  public boolean readable() {
    return slug != null;
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
