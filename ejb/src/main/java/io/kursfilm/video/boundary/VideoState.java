package io.kursfilm.video.boundary;

/**
 * Where a version of a video stands; a video's state is its latest version's. Which state follows
 * which is listed in one place, {@code io.kursfilm.video.entity.VideoTransition}. Stored by name:
 * never rename one.
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
  /** Transcoded (or a change of captions or description): waits for the critic's approval. */
  IN_REVIEW,
  /** A critic asked for changes; the trainer answers with a new version. */
  CHANGES_REQUESTED,
  /** Approved: what employees see, until a newer version is published or it is archived. */
  PUBLISHED,
  /** Taken off the portal by a trainer or admin. */
  ARCHIVED,
  /** Replaced: a newer version was published, or started while this one waited for review. */
  SUPERSEDED;

  /** Whether a rendition exists that trainers, critics and admins may preview. */
  public boolean playable() {
    return ordinal() >= IN_REVIEW.ordinal();
  }

  /** Whether no job works on it any more, so a new version of the video may start. */
  public boolean settled() {
    return !inPipeline() && this != UPLOADING;
  }

  /** Whether a transcode job may still be working on it. */
  public boolean inPipeline() {
    return this == UPLOADED || this == PROCESSING;
  }
}
