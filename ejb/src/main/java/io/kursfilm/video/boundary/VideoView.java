package io.kursfilm.video.boundary;

import io.kursfilm.video.entity.Video;
import io.kursfilm.video.entity.VideoVersion;
import java.time.Instant;

/**
 * A video as callers see it (docs/api.md: {@code id, title, state, progress, error}), shown in one
 * version: the newest for trainers, critics and admins, the published one for employees.
 *
 * @param state the shown version's state
 * @param error the stable key of a rejection or failure ({@code video.rejected.<key>} in the UI)
 * @param durationSeconds null until transcoded
 * @param mediaSha256 hex SHA-256 of the original the rendition was made from; null until then
 * @param mine whether the caller uploaded the shown version
 * @param processing a transcode job may still be working on it (cancel, not delete)
 * @param playable a rendition exists that the caller may watch
 * @param version the shown version's number
 * @param publishedVersion the number of the version employees see; null when none
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
    Instant createdAt,
    int version,
    Integer publishedVersion) {

  static VideoView of(Video video, VideoVersion v, Integer publishedNumber, String callerId) {
    var details = v.details();
    return new VideoView(
        video.id(),
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
        video.createdAt(),
        v.number(),
        publishedNumber);
  }
}
