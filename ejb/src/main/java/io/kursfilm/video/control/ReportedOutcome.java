package io.kursfilm.video.control;

import io.kursfilm.transcoder.job.OutcomeKind;
import java.time.Duration;

/**
 * One row of the {@code transcode_outcome} outbox as a transcode attempt wrote it; which fields are
 * set depends on {@link #kind}.
 *
 * @param claim the reporting attempt; null for a discard by a job that never claimed
 * @param rendition the object-id prefix a publication hands over
 */
public record ReportedOutcome(
    long id,
    String tenantId,
    String versionId,
    String claim,
    OutcomeKind kind,
    String reason,
    String detail,
    String rendition,
    Long durationMs,
    Integer width,
    Integer height,
    String mediaSha256,
    Integer percent) {

  public Duration duration() {
    return Duration.ofMillis(durationMs == null ? 0 : durationMs);
  }
}
