package io.kursfilm.transcoder.job;

import java.time.Duration;

/**
 * What a successful job records on the video.
 *
 * @param rendition object-id prefix of the HLS files
 * @param width display width of the best rung
 * @param height display height of the best rung
 * @param mediaSha256 hex SHA-256 of the original's plaintext, sealed under the tenant's key as the
 *     version's own column holds it ({@link #HASH_TABLE}, the version id, {@link #HASH_COLUMN}): a
 *     fingerprint of tenant content, so the outbox never holds it in clear and the video component
 *     stores it as it is
 */
public record Published(
    String rendition, Duration duration, int width, int height, String mediaSha256) {

  /** The table the sealed media hash is bound to: the version's, where it ends up. */
  public static final String HASH_TABLE = "video_version";

  /** The column the sealed media hash is bound to. */
  public static final String HASH_COLUMN = "media_sha256";
}
