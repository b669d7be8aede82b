package io.kursfilm.tenant.control;

import io.kursfilm.audit.boundary.Action;
import io.kursfilm.audit.boundary.AuditEvent;
import io.kursfilm.audit.boundary.AuditLog;
import io.kursfilm.kernel.TenantFilter;
import io.kursfilm.storage.shred.ShredCertificate;
import io.kursfilm.storage.shred.Shredder;
import io.kursfilm.tenant.entity.Tenant;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Crypto-shreds a tenant for good: its keys are destroyed first (from then on every copy of its
 * data, database and backups included, is unreadable), then its objects, users and sessions are
 * removed and the tenant is marked SHREDDED. The off-boarding job calls this after the customer has
 * downloaded the export. Safe to repeat: a failure after the keys are gone is finished by calling
 * it again.
 */
@Stateless
public class TenantShredding {

  @PersistenceContext(unitName = "kursfilm")
  EntityManager em;

  @Inject TenantRegistry registry;
  @Inject TenantFilter filter;
  @Inject Shredder shredder;
  @Inject AuditLog audit;

  public ShredCertificate shred(String tenantId) {
    Tenant tenant =
        registry.find(tenantId).orElseThrow(() -> new IllegalArgumentException("no such tenant"));
    if (registry.isPlatform(tenant)) {
      throw new IllegalArgumentException("the platform tenant cannot be shredded");
    }
    ShredCertificate certificate = shredder.shred(tenantId);
    // Committed at once: the keys are gone even if the database clean-up below fails.
    audit.record(
        AuditEvent.of(Action.KEY_DESTROYED)
            .platform()
            .subject("tenant", tenantId)
            .detail("keys", certificate.keyIdsDestroyed().size()));
    filter.bind(tenantId);
    em.createQuery("delete from ApiSession s where s.tenantId = :tenant")
        .setParameter("tenant", tenantId)
        .executeUpdate();
    // A bulk delete: loading the users would try to decrypt them with the destroyed key.
    em.createQuery("delete from User u").executeUpdate();
    em.createQuery("delete from DeletionRequest d").executeUpdate();
    tenant.shredded();
    audit.recordInTransaction(
        AuditEvent.of(Action.TENANT_SHREDDED)
            .platform()
            .subject("tenant", tenantId)
            .detail("objects", certificate.objectsDeleted()));
    return certificate;
  }
}
