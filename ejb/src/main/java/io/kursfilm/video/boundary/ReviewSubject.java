package io.kursfilm.video.boundary;

import java.time.Instant;

/**
 * The newest version of a video as the review component sees it: what a critic decides on, and the
 * artefact a decision is bound to.
 *
 * @param uploaderId who uploaded or made the version (four eyes: never its critic)
 * @param mediaSha256 hex SHA-256 of its media
 * @param captionSet hex SHA-256 over its captions (language, label, text hash), sorted
 * @param durationSeconds how long it runs; comments must fall within it
 * @param waitingSince when it entered its state
 * @param quizId the quiz that goes with it, approved with it; null when none
 */
public record ReviewSubject(
    String videoId,
    String versionId,
    int version,
    VideoState state,
    String title,
    String uploaderId,
    String ownerId,
    String mediaSha256,
    String captionSet,
    Long durationSeconds,
    Instant waitingSince,
    String quizId) {}
