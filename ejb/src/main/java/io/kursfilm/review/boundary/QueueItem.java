package io.kursfilm.review.boundary;

import java.time.Instant;

/**
 * A version waiting for critics, as the review queue lists it.
 *
 * @param approvals approvals already given to this version
 * @param requiredApprovals approvals it needs to be published
 * @param mine whether the caller uploaded it (then the caller cannot decide on it)
 */
public record QueueItem(
    String videoId,
    int version,
    String title,
    String uploaderId,
    String uploader,
    Long durationSeconds,
    Instant waitingSince,
    long approvals,
    int requiredApprovals,
    boolean mine) {}
