package io.kursfilm.tenant.boundary;

import io.kursfilm.audit.boundary.Action;
import io.kursfilm.audit.boundary.AuditEvent;
import io.kursfilm.audit.boundary.AuditLog;
import io.kursfilm.kernel.ConflictException;
import io.kursfilm.kernel.TenantFilter;
import io.kursfilm.storage.field.FieldCipher;
import io.kursfilm.storage.keys.TenantKeys;
import io.kursfilm.tenant.control.SlugIndex;
import io.kursfilm.tenant.control.TenantRegistry;
import io.kursfilm.tenant.entity.Tenant;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;

/**
 * Creates a tenant with its key-encryption key and, through {@link Setup}, its first users, in a
 * transaction of its own. If the database work fails after the key was made, the key is destroyed
 * again, so no orphan key outlives a tenant that never existed. Called by the operator component
 * only (the operator's boundary checks the role; the demo seed runs without a caller).
 */
@Stateless
public class TenantProvisioning {

  /**
   * Fills a new tenant, bound to the transaction, before it commits (the identity component creates
   * the first users here). Returns how many users it created, for the audit entry.
   */
  @FunctionalInterface
  public interface Setup {
    int populate(String tenantId);
  }

  @PersistenceContext(unitName = "kursfilm")
  EntityManager em;

  @Inject TenantRegistry registry;
  @Inject SlugIndex slugIndex;
  @Inject TenantFilter filter;
  @Inject TenantKeys keys;
  @Inject FieldCipher fieldCipher;
  @Inject Clock clock;
  @Inject AuditLog audit;

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public TenantView provision(String slug, String name, Setup setup) {
    if (registry.findBySlug(slug).isPresent()) {
      throw new ConflictException("a tenant with this slug exists");
    }
    Tenant tenant =
        new Tenant(slug, slug == null ? null : slugIndex.of(slug), name, clock.instant());
    // Persisted, not yet written: its slug and name are sealed under its own key before the row's
    // first insert, so they never reach the database in clear. The tenant gate finds the managed
    // row (it reads with find, which sees it and does not flush).
    em.persist(tenant);
    String kekId = keys.create(tenant.id());
    try {
      tenant.keysCreated(kekId, fieldCipher.newWrappedIndexKey(tenant.id()));
      tenant.sealPlaintext();
      em.flush();
      filter.bind(tenant.id());
      int users = setup.populate(tenant.id());
      em.flush();
      // In this transaction: logged if and only if the tenant comes to exist.
      audit.recordInTransaction(
          AuditEvent.of(Action.TENANT_CREATED)
              .platform()
              .subject("tenant", tenant.id())
              .detail("users", users));
      audit.recordInTransaction(
          AuditEvent.of(Action.KEY_CREATED)
              .platform()
              .subject("tenant-key", kekId)
              .detail("tenant", tenant.id()));
      return TenantView.of(tenant);
    } catch (RuntimeException e) {
      // Also when the insert lost a race for the slug (unique index): no orphan key.
      keys.destroy(tenant.id());
      throw e;
    }
  }
}
