package io.kursfilm.tenant.boundary;

import io.kursfilm.tenant.entity.Tenant;

/** What the outside sees of a tenant. */
public record TenantView(String id, String slug, String name, String state) {

  static TenantView of(Tenant t) {
    return new TenantView(t.id(), t.slug(), t.name(), t.state().name());
  }
}
