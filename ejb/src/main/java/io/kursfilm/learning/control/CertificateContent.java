package io.kursfilm.learning.control;

import java.time.Instant;

/**
 * What a certificate of completion shows, opened from its sealed sources for one download.
 *
 * @param subjectKind {@code VIDEO} or {@code COURSE}
 * @param language {@code de} or anything else for English
 */
public record CertificateContent(
    String id,
    String companyName,
    String personName,
    String subjectKind,
    String subjectTitle,
    Instant completedAt,
    String verifyUrl,
    String language) {}
