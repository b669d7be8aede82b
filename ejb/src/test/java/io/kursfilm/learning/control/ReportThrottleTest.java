package io.kursfilm.learning.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ReportThrottleTest {

  private static final Instant START = Instant.parse("2026-12-06T10:00:00Z");

  @Test
  void reports_beyond_the_limit_are_refused_until_the_next_minute() {
    ReportThrottle throttle = throttle(3, START);
    assertTrue(throttle.allow("t", "anna"));
    assertTrue(throttle.allow("t", "anna"));
    assertTrue(throttle.allow("t", "anna"));
    assertFalse(throttle.allow("t", "anna"));
    assertTrue(throttle.allow("t", "ben"), "each person has their own count");
    assertTrue(throttle.allow("other", "anna"), "and in each tenant");

    throttle.clock = Clock.fixed(START.plus(Duration.ofMinutes(1)), ZoneOffset.UTC);
    assertTrue(throttle.allow("t", "anna"));
  }

  private static ReportThrottle throttle(int max, Instant now) {
    ReportThrottle throttle = new ReportThrottle();
    throttle.maxPerMinute = max;
    throttle.clock = Clock.fixed(now, ZoneOffset.UTC);
    return throttle;
  }
}
