package io.kursfilm.video.boundary;

import java.time.Instant;

/**
 * A guest link as its video's trainers and the tenant's admins see it: never its token (handed out
 * once) nor its password.
 *
 * @param label the trainer's note who the link is for; null when none was given
 * @param openings how often it was opened (with the right password, where it has one)
 */
public record GuestLinkView(
    String id,
    String label,
    Instant createdAt,
    Instant expiresAt,
    boolean revoked,
    boolean expired,
    boolean hasPassword,
    int openings) {}
