package io.kursfilm.offboarding.control;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/**
 * Fired when an admin's shred confirmation is about to commit; the shred job starts once it has
 * committed, never before (a job started earlier would not see the offboarding in SHREDDING), and
 * not at all when it rolls back.
 *
 * @param offboardingId the confirmed offboarding
 */
public record ShredConfirmed(String offboardingId) {

  /** Hands a committed confirmation to the shred job. */
  @Dependent
  public static class Starter {

    @Inject ShredJob job;

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) ShredConfirmed event) {
      job.start(event.offboardingId());
    }
  }
}
