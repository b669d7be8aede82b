package io.kursfilm.video.boundary;

import io.kursfilm.video.entity.VideoVersion;
import java.time.Instant;

/**
 * One version in a video's history, for its trainers and critics.
 *
 * @param uploaderId who uploaded or made it (ids only: names come from the identity component)
 * @param mediaSha256 hex SHA-256 of its media; the same as the version before for a change of
 *     captions or description
 */
public record VersionView(
    int number,
    String state,
    String title,
    String uploaderId,
    String mediaSha256,
    Long durationSeconds,
    String error,
    Instant createdAt,
    Instant updatedAt) {

  static VersionView of(VideoVersion v) {
    return new VersionView(
        v.number(),
        v.state().name(),
        v.details().title(),
        v.uploaderId(),
        v.mediaSha256().orElse(null),
        v.duration().map(d -> d.toSeconds()).orElse(null),
        v.error().orElse(null),
        v.createdAt(),
        v.updatedAt());
  }
}
