package io.kursfilm.video.boundary;

/**
 * Where a video stands. The upload states are this component's; {@code IN_REVIEW} onwards belong to
 * the review workflow. Stored by name: never rename one.
 */
public enum VideoState {
  /** Chunks are arriving; nothing is processed yet. */
  UPLOADING,
  /** The original is complete and sealed; a transcode job is queued. */
  UPLOADED,
  PROCESSING,
  /** Validation or transcoding refused the input; the original is gone. */
  REJECTED_INPUT,
  /** Transcoding gave up after its retries for a reason that is not the input's fault. */
  FAILED,
  IN_REVIEW,
  CHANGES_REQUESTED,
  PUBLISHED,
  ARCHIVED;

  /** Whether a rendition exists that trainers, critics and admins may preview. */
  public boolean playable() {
    return ordinal() >= IN_REVIEW.ordinal();
  }

  /** Whether a transcode job may still be working on it. */
  public boolean inPipeline() {
    return this == UPLOADED || this == PROCESSING;
  }
}
