package io.kursfilm.kernel;

import java.util.Optional;

/**
 * Resolves a tenant's slug to its id, for components below the tenant component (the audit log
 * names chains by tenant id, operators name tenants by slug). Implemented by the tenant component.
 */
public interface TenantSlugs {

  /** The slug of the tenant that holds platform operators; never a customer. */
  String PLATFORM = "platform";

  Optional<String> idOf(String slug);
}
