package io.kursfilm.tenant.boundary;

import io.kursfilm.tenant.entity.Tenant;
import io.kursfilm.tenant.entity.TenantState;

/** What the outside sees of a tenant. */
public record TenantView(String id, String slug, String name, String state) {

  static TenantView of(Tenant t) {
    return new TenantView(t.id(), t.slug(), t.name(), t.state().name());
  }

  /** Whether its users may log in and its data be read (not shredded). */
  public boolean isActive() {
    return TenantState.ACTIVE.name().equals(state);
  }
}
