package io.kursfilm.tenant.control;

import io.kursfilm.audit.boundary.Action;
import io.kursfilm.audit.boundary.AuditEvent;
import io.kursfilm.audit.boundary.AuditLog;
import io.kursfilm.storage.shred.CertificateVerifier;
import io.kursfilm.storage.shred.Shredder;
import io.kursfilm.tenant.entity.Tenant;
import io.kursfilm.tenant.entity.TenantState;
import io.kursfilm.tenant.entity.TenantTombstone;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The database steps of a crypto-shred, each in a transaction of its own and each recorded in the
 * tenant's {@link TenantTombstone}, so a shred interrupted anywhere (a crash right after the keys
 * were destroyed included) is finished by running it again, and certifies what the first run did.
 * The order lives in {@link io.kursfilm.tenant.boundary.TenantOffboarding#shred}: tombstone, keys,
 * objects, rows, certificate.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class TenantShredding {

  @PersistenceContext(unitName = "kursfilm")
  EntityManager em;

  @Inject TenantRegistry registry;
  @Inject TenantRows rows;
  @Inject Shredder shredder;
  @Inject AuditLog audit;

  /** The tombstone of a tenant whose shred started, if any. */
  public Optional<TenantTombstone> tombstone(String tenantId) {
    return Optional.ofNullable(em.find(TenantTombstone.class, tenantId));
  }

  /**
   * Starts a shred: records the tenant's key ids (while they still exist) and its slug's hash in a
   * new tombstone and marks the tenant SHREDDED, which closes it on every node within the tenant
   * gate's TTL. Returns the existing tombstone when the shred started before.
   *
   * @param slug the tenant's slug, as the tenant directory reads it (it may be sealed)
   * @throws IllegalStateException when the tenant is ACTIVE
   */
  public TenantTombstone begin(String tenantId, String slug, Instant now) {
    TenantTombstone existing = em.find(TenantTombstone.class, tenantId);
    if (existing != null) {
      return existing;
    }
    Tenant tenant =
        registry.find(tenantId).orElseThrow(() -> new IllegalArgumentException("no such tenant"));
    if (registry.isPlatform(tenant)) {
      throw new IllegalArgumentException("the platform tenant cannot be shredded");
    }
    if (tenant.state() == TenantState.ACTIVE) {
      throw new IllegalStateException("an active tenant cannot be shredded; freeze it first");
    }
    List<String> keyIds = shredder.keyIds(tenantId);
    TenantTombstone tombstone =
        new TenantTombstone(
            tenantId, slug, tenant.createdAt(), CertificateVerifier.canonical(keyIds), now);
    em.persist(tombstone);
    tenant.shredded();
    return tombstone;
  }

  /** Records the key destruction (the first one counts) and audits it once. */
  public TenantTombstone keysDestroyed(String tenantId, Instant at) {
    TenantTombstone tombstone = require(tenantId);
    if (tombstone.keysDestroyedAt().isEmpty()) {
      tombstone.keysDestroyed(at);
      audit.recordInTransaction(
          AuditEvent.of(Action.KEY_DESTROYED)
              .platform()
              .subject("tenant", tenantId)
              .detail("keys", keyIds(tombstone).size()));
    }
    return tombstone;
  }

  /** Adds what a run of the object deletion removed. */
  public TenantTombstone objectsDeleted(String tenantId, Shredder.ObjectsDeleted deleted) {
    TenantTombstone tombstone = require(tenantId);
    tombstone.objectsDeleted(deleted.objects(), deleted.incompleteUploads());
    return tombstone;
  }

  /**
   * Deletes every row of the tenant and the tenant row itself, and records the counts in the same
   * transaction; a second call finds them recorded and deletes nothing.
   */
  public TenantTombstone deleteRows(String tenantId, Instant now) {
    TenantTombstone tombstone = require(tenantId);
    if (tombstone.rowsDeletedAt().isEmpty()) {
      em.flush();
      Map<String, Long> deleted = rows.deleteAll(tenantId);
      tombstone = require(tenantId);
      tombstone.rowsDeleted(CertificateVerifier.canonical(deleted), now);
    }
    return tombstone;
  }

  /** Stores the signed certificate (once) and audits the finished shred. */
  public TenantTombstone certified(
      String tenantId, String certificateId, String signedJson, Instant now) {
    TenantTombstone tombstone = require(tenantId);
    if (tombstone.certificate().isEmpty()) {
      tombstone.certified(certificateId, signedJson, now);
      audit.recordInTransaction(
          AuditEvent.of(Action.TENANT_SHREDDED)
              .platform()
              .subject("tenant", tenantId)
              .detail("certificate", certificateId)
              .detail("objects", tombstone.objectsDeleted()));
    }
    return tombstone;
  }

  /** The key ids a tombstone recorded. */
  public static List<String> keyIds(TenantTombstone tombstone) {
    return ((List<?>) CertificateVerifier.parse(tombstone.keyIdsJson()))
        .stream().map(String::valueOf).toList();
  }

  private TenantTombstone require(String tenantId) {
    return tombstone(tenantId)
        .orElseThrow(() -> new IllegalStateException("shred of " + tenantId + " not started"));
  }
}
