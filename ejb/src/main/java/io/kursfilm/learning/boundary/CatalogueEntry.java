package io.kursfilm.learning.boundary;

/**
 * A published video in the catalogue, with the caller's progress.
 *
 * @param tags comma-separated, as the trainer wrote them
 * @param watchedShare share watched since the caller's last completion, 0 to 1
 * @param completed a completion of the video is on record for the caller
 */
public record CatalogueEntry(
    String id,
    String title,
    String description,
    String tags,
    String language,
    Long durationSeconds,
    double watchedShare,
    boolean completed) {}
