package io.kursfilm.video.boundary;

/**
 * A version of a video moved to another state; fired inside the transaction that moved it, so
 * observers that act outside (mail, notifications) observe {@code AFTER_SUCCESS}.
 *
 * @param actorId who moved it; {@code null} for the transcode job
 * @param uploaderId who uploaded (or made) the version: the trainer a decision is for
 * @param commentId the comment that explains a decision, if any
 */
public record VideoTransitioned(
    String tenantId,
    String videoId,
    int version,
    String title,
    VideoState from,
    VideoState to,
    String transition,
    String actorId,
    String uploaderId,
    String commentId) {}
