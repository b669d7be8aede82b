package io.kursfilm.storage.keys;

import java.util.Optional;

/**
 * Where a node reads a tenant's lifecycle state: the application's tenant table, which every
 * application node and standalone worker shares. A port, so the key store stays free of the
 * database; {@link JdbcTenantStates} is the implementation both use.
 */
@FunctionalInterface
public interface TenantStates {

  /**
   * The tenant's state as stored ({@code ACTIVE}, {@code OFFBOARDING}, {@code SHREDDED}); empty
   * when the tenant has no row (never created, or removed after a shred).
   */
  Optional<String> stateOf(String tenantId);
}
