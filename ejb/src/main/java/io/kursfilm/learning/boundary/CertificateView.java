package io.kursfilm.learning.boundary;

import java.time.Instant;

/**
 * A certificate of completion in a list: ids and dates, the subject by id ({@code videoId} or
 * {@code courseId}, the other null). Titles and names are in the PDF only.
 */
public record CertificateView(
    String id, String videoId, String courseId, Instant completedAt, Instant issuedAt) {}
