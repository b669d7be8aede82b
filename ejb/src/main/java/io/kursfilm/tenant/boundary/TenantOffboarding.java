package io.kursfilm.tenant.boundary;

import io.kursfilm.kernel.CacheNotice;
import io.kursfilm.storage.shred.Shredder;
import io.kursfilm.tenant.control.CertificatePdf;
import io.kursfilm.tenant.control.ShredCertificates;
import io.kursfilm.tenant.control.TenantRegistry;
import io.kursfilm.tenant.control.TenantShredding;
import io.kursfilm.tenant.entity.Tenant;
import io.kursfilm.tenant.entity.TenantTombstone;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * The tenant's side of an offboarding, for the offboarding component, which authorises and audits
 * the use cases (this bean is also called from its jobs, where nobody is logged in): freezing the
 * tenant while its export is taken, thawing it when the offboarding is cancelled, and the shred
 * with its certificate.
 */
@Stateless
public class TenantOffboarding {

  private static final Logger LOG = Logger.getLogger(TenantOffboarding.class.getName());

  @Inject TenantRegistry tenants;
  @Inject TenantDirectory directory;
  @Inject TenantShredding shredding;
  @Inject Shredder shredder;
  @Inject ShredCertificates certificates;
  @Inject Clock clock;
  @Inject Event<CacheNotice> notices;

  /**
   * ACTIVE to OFFBOARDING: from now on nothing new is sealed for the tenant, on every node once the
   * transaction commits (the notice goes out then).
   */
  public void freeze(String tenantId) {
    tenant(tenantId).freeze();
    notices.fire(CacheNotice.tenant(tenantId));
  }

  /** OFFBOARDING back to ACTIVE, when the offboarding is cancelled before the shred. */
  public void thaw(String tenantId) {
    tenant(tenantId).thaw();
    notices.fire(CacheNotice.tenant(tenantId));
  }

  /**
   * Crypto-shreds an offboarding tenant, in this order, each step recorded in the tenant's
   * tombstone before the next: tombstone with the key ids (tenant SHREDDED), keys destroyed,
   * objects and incomplete uploads deleted, every row of the tenant deleted (sessions, users, the
   * tenant row), certificate signed and stored (tombstone and platform bucket). Safe to call again
   * after a failure anywhere: it finishes what is left, never re-creates a key, and once the
   * certificate exists returns that same certificate. Outside a transaction: each step commits on
   * its own, so the destruction of the keys is never rolled back into a state claiming they exist.
   *
   * @throws IllegalStateException when the tenant is still ACTIVE
   * @throws IllegalArgumentException when there is no such tenant and no shred of it
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public ShredReceipt shred(String tenantId) {
    TenantTombstone t = shredding.tombstone(tenantId).orElse(null);
    if (t == null) {
      // The slug as the directory reads it (it may be sealed under the key about to go).
      String slug =
          directory
              .find(tenantId)
              .map(TenantView::slug)
              .orElseThrow(() -> new IllegalArgumentException("no such tenant"));
      t = shredding.begin(tenantId, slug, now());
    }
    // SHREDDED is committed: every node stops opening the tenant's data now, not within its TTL.
    notices.fire(CacheNotice.tenant(tenantId));
    if (t.certificate().isPresent()) {
      certificates.keepCopy(tenantId, t.certificate().get());
      return receipt(t.certificate().get());
    }
    long started = System.nanoTime();
    Instant destroyedAt = shredder.destroyKeys(tenantId);
    t = shredding.keysDestroyed(tenantId, destroyedAt.truncatedTo(ChronoUnit.MICROS));
    // Again, so no node keeps a key it unwrapped in between.
    notices.fire(CacheNotice.tenant(tenantId));
    long keysNanos = System.nanoTime() - started;
    t = shredding.objectsDeleted(tenantId, shredder.deleteObjects(tenantId));
    long objectsNanos = System.nanoTime() - started - keysNanos;
    t = shredding.deleteRows(tenantId, now());
    Instant issuedAt = now();
    String document = certificates.sign(t, UUID.randomUUID().toString(), issuedAt);
    t = shredding.certified(tenantId, idOf(document), document, issuedAt);
    certificates.keepCopy(tenantId, t.certificate().orElseThrow());
    LOG.info(
        () ->
            String.format(
                "tenant %s shredded: keys destroyed in %d ms, objects deleted in %d ms",
                tenantId, keysNanos / 1_000_000, objectsNanos / 1_000_000));
    return receipt(t.certificate().orElseThrow());
  }

  /** The certificate of a shredded tenant, if its shred finished. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Optional<ShredReceipt> certificate(String tenantId) {
    return shredding
        .tombstone(tenantId)
        .flatMap(TenantTombstone::certificate)
        .map(TenantOffboarding::receipt);
  }

  private Instant now() {
    // The database keeps microseconds: what a rerun reads back equals what the first run wrote.
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  private Tenant tenant(String tenantId) {
    return tenants.find(tenantId).orElseThrow(() -> new IllegalArgumentException("no such tenant"));
  }

  private static String idOf(String document) {
    return ShredCertificates.certificateId(document);
  }

  private static ShredReceipt receipt(String document) {
    return new ShredReceipt(
        ShredCertificates.summary(document),
        document.getBytes(StandardCharsets.UTF_8),
        CertificatePdf.render(document));
  }
}
