package io.kursfilm.video.entity;

import static io.kursfilm.video.boundary.VideoState.ARCHIVED;
import static io.kursfilm.video.boundary.VideoState.CHANGES_REQUESTED;
import static io.kursfilm.video.boundary.VideoState.FAILED;
import static io.kursfilm.video.boundary.VideoState.IN_REVIEW;
import static io.kursfilm.video.boundary.VideoState.PROCESSING;
import static io.kursfilm.video.boundary.VideoState.PUBLISHED;
import static io.kursfilm.video.boundary.VideoState.REJECTED_INPUT;
import static io.kursfilm.video.boundary.VideoState.SUPERSEDED;
import static io.kursfilm.video.boundary.VideoState.UPLOADED;
import static io.kursfilm.video.boundary.VideoState.UPLOADING;

import io.kursfilm.video.boundary.VideoState;
import java.util.EnumSet;
import java.util.Set;

/**
 * The lifecycle of a video version, in one table: every change of a version's state is one of these
 * rows, applied by {@link VideoVersion#apply} and nowhere else, and audited by the video
 * component's lifecycle control. Who may trigger a row is checked by the boundary that offers it.
 */
public enum VideoTransition {
  /** The uploader's last chunk is stored. */
  COMPLETE_UPLOAD(UPLOADED, UPLOADING),
  /** The upload itself is unusable (empty, too large). */
  REJECT_UPLOAD(REJECTED_INPUT, UPLOADING),
  /** A transcode attempt claimed the version (a revived attempt claims it again). */
  START_PROCESSING(PROCESSING, UPLOADED, PROCESSING),
  /** Probing or transcoding refused the input. */
  REJECT_INPUT(REJECTED_INPUT, UPLOADED, PROCESSING),
  /** The job gave up after its retries for a reason that is not the input's fault. */
  FAIL(FAILED, UPLOADED, PROCESSING),
  /** The rendition is stored and complete. */
  FINISH_PROCESSING(IN_REVIEW, PROCESSING),
  /** The critics' approvals are complete (four eyes: never the version's uploader). */
  APPROVE(PUBLISHED, IN_REVIEW),
  /** A trainer publishes where the tenant does not require a critic's approval. */
  PUBLISH(PUBLISHED, IN_REVIEW),
  /** A critic asks for changes, with a reason. */
  REQUEST_CHANGES(CHANGES_REQUESTED, IN_REVIEW),
  /** A trainer or admin takes the published version off the portal. */
  ARCHIVE(ARCHIVED, PUBLISHED),
  /** A newer version was published, or started while this one waited for review. */
  SUPERSEDE(SUPERSEDED, PUBLISHED, IN_REVIEW);

  private final VideoState to;
  private final Set<VideoState> from;

  VideoTransition(VideoState to, VideoState first, VideoState... more) {
    this.to = to;
    this.from = EnumSet.of(first, more);
  }

  public VideoState to() {
    return to;
  }

  public boolean allowedFrom(VideoState state) {
    return from.contains(state);
  }
}
