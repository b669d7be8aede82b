package io.kursfilm.identity.entity;

import java.time.Duration;

/**
 * Exponential back-off after failed logins: the first {@code threshold - 1} failures in a window
 * cost nothing, the {@code threshold}-th blocks for {@code base}, each further one doubles the wait
 * up to {@code max}. Failures are forgotten after {@code window} without one.
 */
public record Backoff(int threshold, Duration base, Duration max, Duration window) {

  public Backoff {
    if (threshold < 1) {
      throw new IllegalArgumentException("threshold must be at least 1");
    }
    if (base.isNegative() || base.isZero() || max.compareTo(base) < 0) {
      throw new IllegalArgumentException("need 0 < base <= max");
    }
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("window must be positive");
    }
  }

  /** How long login stays blocked after the {@code failures}-th failure in the window. */
  public Duration delayAfter(int failures) {
    if (failures < threshold) {
      return Duration.ZERO;
    }
    int doublings = failures - threshold;
    // Beyond 2^40 the cap has long been reached; stop before the multiplication overflows.
    if (doublings >= 40) {
      return max;
    }
    long nanos = base.toNanos();
    long factor = 1L << doublings;
    if (nanos > Long.MAX_VALUE / factor) {
      return max;
    }
    Duration delay = Duration.ofNanos(nanos * factor);
    return delay.compareTo(max) > 0 ? max : delay;
  }
}
