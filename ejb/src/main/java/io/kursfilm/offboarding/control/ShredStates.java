package io.kursfilm.offboarding.control;

import io.kursfilm.offboarding.entity.Offboarding;
import io.kursfilm.offboarding.entity.OffboardingState;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The shred job's writes to an offboarding row, each committed on its own (the job itself runs
 * outside a transaction, step by step). Platform bookkeeping: not tenant-filtered.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class ShredStates {

  @PersistenceContext(unitName = "kursfilm")
  EntityManager em;

  @Inject Clock clock;

  /** The tenant of an offboarding whose shred is due (SHREDDING); empty for any other state. */
  public Optional<String> tenantToShred(String offboardingId) {
    return Optional.ofNullable(em.find(Offboarding.class, offboardingId))
        .filter(o -> o.state() == OffboardingState.SHREDDING)
        .map(Offboarding::tenantId);
  }

  /** Records the finished shred; also after a concurrent run had marked it failed. */
  public void shredded(String offboardingId) {
    Offboarding o = em.find(Offboarding.class, offboardingId);
    if (o.state() == OffboardingState.FAILED) {
      o.shredRetried(clock.instant());
    }
    if (o.state() == OffboardingState.SHREDDING) {
      o.shredded(clock.instant());
    }
  }

  /** Marks a shred failed, to be retried; never overwrites a finished one. */
  public void failed(String offboardingId, String reason) {
    Offboarding o = em.find(Offboarding.class, offboardingId);
    if (o.state() == OffboardingState.SHREDDING) {
      o.failed(reason, clock.instant());
    }
  }

  /** Offboardings in SHREDDING: a node that stopped mid-shred left them; they are resumed. */
  public List<String> shredding() {
    return ids(OffboardingState.SHREDDING);
  }

  /**
   * Claims the confirmed offboardings whose shred failed at least {@code delay} ago for a retry
   * (back to SHREDDING); one node wins each claim (optimistic lock), the others skip it.
   */
  public List<String> claimRetries(Duration delay) {
    Instant before = clock.instant().minus(delay);
    return em.createNamedQuery(Offboarding.ALL, Offboarding.class).getResultList().stream()
        .filter(o -> o.state() == OffboardingState.FAILED)
        .filter(o -> o.confirmedAt().isPresent() && o.updatedAt().isBefore(before))
        .filter(this::claimed)
        .map(Offboarding::id)
        .toList();
  }

  private boolean claimed(Offboarding o) {
    try {
      o.shredRetried(clock.instant());
      em.flush();
      return true;
    } catch (OptimisticLockException e) {
      return false;
    }
  }

  private List<String> ids(OffboardingState state) {
    return em.createNamedQuery(Offboarding.ALL, Offboarding.class).getResultList().stream()
        .filter(o -> o.state() == state)
        .map(Offboarding::id)
        .toList();
  }
}
