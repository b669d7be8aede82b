package io.kursfilm.video.boundary;

import io.kursfilm.video.entity.Video;
import java.time.Instant;

/**
 * A video as callers see it (docs/api.md: {@code id, title, state, progress, error}).
 *
 * @param error the stable key of a rejection or failure ({@code video.rejected.<key>} in the UI)
 * @param durationSeconds null until transcoded
 * @param mediaSha256 hex SHA-256 of the original the rendition was made from; null until then
 * @param mine whether the caller uploaded it
 * @param processing a transcode job may still be working on it (cancel, not delete)
 * @param playable a rendition exists that the caller may watch
 */
public record VideoView(
    String id,
    String title,
    String description,
    String tags,
    String language,
    String state,
    int progress,
    String error,
    long size,
    Long durationSeconds,
    String mediaSha256,
    boolean mine,
    boolean processing,
    boolean playable,
    Instant createdAt) {

  static VideoView of(Video v, String callerId) {
    var details = v.details();
    return new VideoView(
        v.id(),
        details.title(),
        details.description(),
        details.tags(),
        details.language(),
        v.state().name(),
        v.progress(),
        v.error().orElse(null),
        v.declaredSize(),
        v.duration().map(d -> d.toSeconds()).orElse(null),
        v.mediaSha256().orElse(null),
        v.uploaderId().equals(callerId),
        v.state().inPipeline(),
        v.state().playable(),
        v.createdAt());
  }
}
