package io.kursfilm.review.boundary;

import java.time.Instant;

/**
 * One critic's decision on one version, with the artefact it is bound to.
 *
 * @param critic the critic's display name; null when the account is gone
 * @param mediaSha256 the media the critic saw
 * @param captionSet the captions the critic saw (hash over language, label and text)
 */
public record ReviewView(
    String id,
    int version,
    String decision,
    String criticId,
    String critic,
    String commentId,
    String mediaSha256,
    String captionSet,
    Instant createdAt) {}
