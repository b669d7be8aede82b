package io.kursfilm.transcoder.job;

import java.util.Optional;

/**
 * The video rows as a transcode job sees them. Every call names the tenant: rows are found by
 * tenant and id together, never by id alone.
 */
public interface JobLedger {

  /**
   * Marks the upload as processing; empty when there is nothing to do (finished, deleted, not yet
   * uploaded or cancelled).
   */
  Optional<JobSubject> claim(String tenantId, String videoId);

  /** Latest progress, 0–100. */
  void progress(String tenantId, String videoId, int percent);

  boolean cancelRequested(String tenantId, String videoId);

  /** The input is unusable: {@code reason} is a stable key the UI translates. */
  void rejected(String tenantId, String videoId, String reason, String detail);

  /**
   * The rendition is stored; the video goes to review. Refused (false) when {@code subject}'s claim
   * is stale: the video was claimed again since, cancelled, deleted or has left processing. The
   * caller then deletes its outputs instead.
   */
  boolean published(JobSubject subject, Published result);

  /** The job gave up after its retries for a reason that is not the input's fault. */
  void failed(String tenantId, String videoId, String detail);

  /** Removes a cancelled video's row (its objects are already gone). */
  void discard(String tenantId, String videoId);
}
