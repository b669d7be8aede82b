package io.kursfilm.video.boundary;

import io.kursfilm.video.entity.Video;
import java.time.Instant;

/**
 * A video as callers see it (API.md: {@code id, title, state, progress, error}).
 *
 * @param error the stable key of a rejection or failure ({@code video.rejected.<key>} in the UI)
 * @param durationSeconds null until transcoded
 * @param mine whether the caller uploaded it
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
    boolean mine,
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
        v.uploaderId().equals(callerId),
        v.createdAt());
  }
}
