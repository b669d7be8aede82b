package io.kursfilm.identity.boundary;

import java.time.Instant;

/**
 * What anyone holding a link may see before using it: the tenant and the address, partially masked.
 * Showing it does not consume the link (mail scanners open links, too).
 */
public record LinkPreview(
    String tenant, String tenantName, String maskedEmail, Instant expiresAt) {}
