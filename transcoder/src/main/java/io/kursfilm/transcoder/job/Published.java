package io.kursfilm.transcoder.job;

import java.time.Duration;

/**
 * What a successful job records on the video.
 *
 * @param rendition object-id prefix of the HLS files
 * @param width display width of the best rung
 * @param height display height of the best rung
 * @param mediaSha256 hex SHA-256 of the original's plaintext
 */
public record Published(
    String rendition, Duration duration, int width, int height, String mediaSha256) {}
