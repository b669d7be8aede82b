package io.kursfilm.learning.boundary;

import java.time.Instant;

/**
 * Where the caller stands with one published video.
 *
 * @param watchedShare share of the published version's segments watched since the last completion,
 *     0 to 1
 * @param completed a completion of the video is on record for the caller
 * @param completedAt the latest completion; null without one
 * @param position where to resume, in seconds
 * @param updatedAt the last report; null before the first
 */
public record ProgressView(
    String videoId,
    String title,
    Long durationSeconds,
    double watchedShare,
    boolean completed,
    Instant completedAt,
    double position,
    Instant updatedAt) {}
