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
 */
public record ObjectStoreSettings(
    URI endpoint, String accessKey, String secretKey, String bucketPrefix, Duration timeout) {

  public ObjectStoreSettings {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(accessKey, "accessKey");
    Objects.requireNonNull(secretKey, "secretKey");
    if (bucketPrefix == null || !bucketPrefix.matches("[a-z0-9][a-z0-9-]{1,40}")) {
      throw new IllegalArgumentException(
          "bucket prefix must be 2-41 lower-case letters, digits or dashes");
    }
    Objects.requireNonNull(timeout, "timeout");
  }

  @Override
  public String toString() {
    return "ObjectStoreSettings[endpoint=" + endpoint + ", bucketPrefix=" + bucketPrefix + "]";
  }
}
