package io.kursfilm.storage.objects;

import java.time.Duration;
import java.util.Objects;

/**
 * How often and how patiently the object store repeats a request that failed for a transient reason
 * (connection refused or reset, timeout, HTTP 5xx, SlowDown). Value object, immutable.
 *
 * @param maxAttempts attempts in total, at least 1 (1 means no retry)
 * @param initialBackoff pause after the first failure; doubled after each further failure
 * @param maxBackoff upper bound of one pause
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
    Objects.requireNonNull(initialBackoff, "initialBackoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException("backoffs must satisfy 0 <= initial <= max");
    }
  }

  /** Four attempts, 200 ms doubling to at most 3 s: rides out a restart of one S3 node. */
  public static RetryPolicy defaults() {
    return new RetryPolicy(4, Duration.ofMillis(200), Duration.ofSeconds(3));
  }

  /** No retries at all. */
  public static RetryPolicy none() {
    return new RetryPolicy(1, Duration.ZERO, Duration.ZERO);
  }

  /**
   * The pause before attempt {@code failedAttempts + 1}, without jitter: {@code initial * 2^(n-1)}
   * capped at {@code maxBackoff}.
   */
  public Duration backoffAfter(int failedAttempts) {
    if (failedAttempts < 1) {
      return Duration.ZERO;
    }
    int shift = Math.min(failedAttempts - 1, 30);
    long millis = initialBackoff.toMillis() << shift;
    if (millis < 0 || millis > maxBackoff.toMillis()) {
      return maxBackoff;
    }
    return Duration.ofMillis(millis);
  }
}
