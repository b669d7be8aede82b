package io.kursfilm.offboarding.boundary;

import java.time.Instant;

/**
 * An offboarding as its tenant admins and the platform operator see it (docs/api.md, Offboarding).
 *
 * @param progress percent of the export written (100 once it is ready)
 * @param exportToken a fresh download link's token, only for the tenant's admins while the export
 *     can be downloaded; the web makes the {@code exportUrl} of it
 * @param certificate the shred certificate (JSON) once the tenant is shredded, else null
 */
public record OffboardingView(
    String id,
    String tenantId,
    String state,
    int progress,
    long exportDoneBytes,
    long exportTotalBytes,
    Instant requestedAt,
    Instant exportReadyAt,
    Instant downloadedAt,
    Instant exportLinkExpiresAt,
    String exportToken,
    String certificate) {}
