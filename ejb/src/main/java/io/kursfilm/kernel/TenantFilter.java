package io.kursfilm.kernel;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The one place where the tenant of the current transaction is set. Every tenant-owned entity is
 * EclipseLink {@code @Multitenant} with a discriminator bound to {@link #PROPERTY}; once bound,
 * EclipseLink adds {@code tenant_id = ?} to every query, find, insert and delete. Unbound, queries
 * on tenant-owned entities fail instead of reading across tenants.
 *
 * <p>Native SQL is not filtered: it must not be used on tenant-owned tables.
 */
@Dependent
public class TenantFilter {

  /** EntityManager property that carries the tenant id of the current transaction. */
  public static final String PROPERTY = "kursfilm.tenant";

  @PersistenceContext(unitName = "kursfilm")
  EntityManager em;

  @Inject TenantContext context;

  /**
   * Scopes the current transaction's persistence context to {@code tenantId}. A transaction serves
   * one tenant only: binding another fails.
   */
  public void bind(String tenantId) {
    if (tenantId == null || tenantId.isBlank()) {
      throw new IllegalArgumentException("tenant id required");
    }
    context.bind(tenantId);
    em.setProperty(PROPERTY, tenantId);
  }
}
