package io.kursfilm.video.boundary;

import java.time.Instant;

/**
 * A new guest link. {@code url} holds the token and is shown this once: only the token's hash is
 * kept.
 */
public record CreatedGuestLink(String id, String url, Instant expiresAt) {}
