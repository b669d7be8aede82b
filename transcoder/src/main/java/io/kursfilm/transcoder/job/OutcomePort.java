package io.kursfilm.transcoder.job;

import java.util.Optional;

/**
 * How a transcode job learns what to work on and reports what became of it. The job never changes a
 * version itself: every report is an outcome the application's video component applies through its
 * lifecycle table later, or refuses (a stale claim, a cancelled or vanished version). Reports are
 * therefore fire-and-forget; a refused publication's objects are deleted by the application. Every
 * call names the tenant: versions are found by tenant and id together, never by id alone.
 */
public interface OutcomePort {

  /**
   * Claims the version for a new attempt and reports {@link OutcomeKind#CLAIMED}; empty when there
   * is nothing to do (finished, deleted, not yet uploaded or cancelled).
   */
  Optional<JobSubject> claim(String tenantId, String versionId);

  /** Latest progress, 0–100. */
  void progress(JobSubject subject, int percent);

  /** Whether the version was cancelled or deleted: the job stops and discards it. */
  boolean cancelRequested(String tenantId, String versionId);

  /** The input is unusable: {@code reason} is a stable key the UI translates. */
  void rejected(JobSubject subject, String reason, String detail);

  /**
   * The rendition is stored; the version may go to review. From this call on the application owns
   * the rendition's objects: it keeps them, or deletes them when it refuses the outcome.
   */
  void published(JobSubject subject, Published result);

  /** The attempt gave up after its retries for a reason that is not the input's fault. */
  void failed(JobSubject subject, String detail);

  /** A cancelled version's objects are deleted: its rows may go. */
  void discarded(String tenantId, String versionId);
}
