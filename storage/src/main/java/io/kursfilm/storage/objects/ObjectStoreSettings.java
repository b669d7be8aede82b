package io.kursfilm.storage.objects;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the object store lives and how to reach it.
 *
 * @param endpoint S3 endpoint, e.g. {@code http://127.0.0.1:9000}
 * @param accessKey access key id
 * @param secretKey secret access key; never logged
 * @param bucketPrefix prefix of every bucket this installation owns; tenants get one bucket each
 * @param timeout connect and read timeout of one request
 * @param maxConnections requests in flight to the endpoint at once (and idle connections kept)
 */
public record ObjectStoreSettings(
    URI endpoint,
    String accessKey,
    String secretKey,
    String bucketPrefix,
    Duration timeout,
    int maxConnections) {

  /**
   * In flight at once unless configured: okhttp's own default is 5 per host, which queued every
   * segment of 200 viewers behind five S3 requests (threads waiting in the load test's profile).
   */
  public static final int DEFAULT_MAX_CONNECTIONS = 64;

  public ObjectStoreSettings(
      URI endpoint, String accessKey, String secretKey, String bucketPrefix, Duration timeout) {
    this(endpoint, accessKey, secretKey, bucketPrefix, timeout, DEFAULT_MAX_CONNECTIONS);
  }

  public ObjectStoreSettings {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(accessKey, "accessKey");
    Objects.requireNonNull(secretKey, "secretKey");
    if (bucketPrefix == null || !bucketPrefix.matches("[a-z0-9][a-z0-9-]{1,40}")) {
      throw new IllegalArgumentException(
          "bucket prefix must be 2-41 lower-case letters, digits or dashes");
    }
    Objects.requireNonNull(timeout, "timeout");
    if (maxConnections < 1) {
      throw new IllegalArgumentException("at least one connection to the object store");
    }
  }

  @Override
  public String toString() {
    return "ObjectStoreSettings[endpoint=" + endpoint + ", bucketPrefix=" + bucketPrefix + "]";
  }
}
