package io.kursfilm.offboarding.control;

import io.kursfilm.audit.boundary.Action;
import io.kursfilm.audit.boundary.AuditEvent;
import io.kursfilm.audit.boundary.AuditLog;
import io.kursfilm.offboarding.entity.ExportLink;
import io.kursfilm.offboarding.entity.Offboarding;
import io.kursfilm.offboarding.entity.OffboardingState;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The export job's bookkeeping on the offboarding row, each step in a transaction of its own (the
 * job runs outside any): claiming an export (the row is the queue entry), renewing the lease,
 * checkpoints, readiness; and the sweeps of the poll (grace period over, expired links).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class ExportLedger {

  /** An export this node now runs. */
  public record Claimed(
      String offboardingId, String tenantId, Instant requestedAt, Optional<String> checkpoint) {}

  @PersistenceContext(unitName = "kursfilm")
  EntityManager em;

  @Inject Clock clock;
  @Inject AuditLog audit;

  /** Takes the oldest export nobody runs (or whose runner's lease ran out), if any. */
  public Optional<Claimed> claimNext(String claim, Duration lease) {
    Instant now = clock.instant();
    List<Offboarding> free =
        em.createNamedQuery(Offboarding.CLAIMABLE, Offboarding.class)
            .setParameter("now", now)
            .setMaxResults(1)
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .getResultList();
    if (free.isEmpty() || !free.get(0).claimExport(claim, now.plus(lease), now)) {
      return Optional.empty();
    }
    Offboarding o = free.get(0);
    return Optional.of(new Claimed(o.id(), o.tenantId(), o.requestedAt(), o.exportCheckpoint()));
  }

  /** Renews the lease; false when the export is no longer this runner's (cancelled, taken over). */
  public boolean renew(String offboardingId, String claim, Duration lease) {
    Offboarding o = em.find(Offboarding.class, offboardingId, LockModeType.PESSIMISTIC_WRITE);
    Instant now = clock.instant();
    return o != null && o.holdsExport(claim) && o.claimExport(claim, now.plus(lease), now);
  }

  /** Stores a checkpoint; false when the export is no longer this runner's. */
  public boolean checkpoint(
      String offboardingId, String claim, String sealedState, long done, long total) {
    Offboarding o = em.find(Offboarding.class, offboardingId, LockModeType.PESSIMISTIC_WRITE);
    if (o == null || !o.holdsExport(claim)) {
      return false;
    }
    o.exportCheckpoint(sealedState, done, total, clock.instant());
    return true;
  }

  /** The archive is complete: READY_FOR_DOWNLOAD, audited with its size and entry count. */
  public boolean ready(
      String offboardingId, String claim, String sealedParts, long size, int entries) {
    Offboarding o = em.find(Offboarding.class, offboardingId, LockModeType.PESSIMISTIC_WRITE);
    if (o == null || !o.holdsExport(claim)) {
      return false;
    }
    Instant now = clock.instant();
    o.exportCheckpoint(sealedParts, size, size, now);
    o.exportReady(now);
    audit.recordInTransaction(
        AuditEvent.of(Action.OFFBOARDING_EXPORT_READY)
            .tenant(o.tenantId(), null)
            .subject("offboarding", o.id())
            .detail("bytes", size)
            .detail("entries", entries));
    return true;
  }

  /** Whether the offboarding was cancelled (a run that stops then removes what it wrote). */
  public boolean cancelled(String offboardingId) {
    Offboarding o = em.find(Offboarding.class, offboardingId);
    return o != null && o.state() == OffboardingState.CANCELLED;
  }

  /** Exports ready longer than {@code grace} count as downloaded; returns how many moved. */
  public int graceOver(Duration grace) {
    Instant now = clock.instant();
    List<Offboarding> over =
        em.createNamedQuery(Offboarding.DOWNLOAD_GRACE_OVER, Offboarding.class)
            .setParameter("before", now.minus(grace))
            .getResultList();
    for (Offboarding o : over) {
      o.downloaded(now);
      audit.recordInTransaction(
          AuditEvent.of(Action.OFFBOARDING_DOWNLOADED)
              .tenant(o.tenantId(), null)
              .subject("offboarding", o.id())
              .detail("by", "grace-period"));
    }
    return over.size();
  }

  public int purgeExpiredLinks() {
    return em.createNamedQuery(ExportLink.DELETE_EXPIRED)
        .setParameter("now", clock.instant())
        .executeUpdate();
  }
}
