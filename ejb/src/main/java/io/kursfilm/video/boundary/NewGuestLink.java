package io.kursfilm.video.boundary;

import java.time.Instant;

/**
 * What a trainer asks for: an end ({@code expiresAt}, or {@code validDays} from now, exactly one of
 * them), an optional password the guest must type and an optional label (who it is for).
 */
public record NewGuestLink(Instant expiresAt, Integer validDays, String password, String label) {}
