package io.kursfilm.identity.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BackoffTest {

  private final Backoff backoff =
      new Backoff(5, Duration.ofSeconds(1), Duration.ofMinutes(15), Duration.ofHours(1));

  @Test
  void failures_below_the_threshold_cost_nothing() {
    for (int i = 0; i < 5; i++) {
      assertEquals(Duration.ZERO, backoff.delayAfter(i));
    }
  }

  @Test
  void each_failure_from_the_threshold_on_doubles_the_wait() {
    assertEquals(Duration.ofSeconds(1), backoff.delayAfter(5));
    assertEquals(Duration.ofSeconds(2), backoff.delayAfter(6));
    assertEquals(Duration.ofSeconds(4), backoff.delayAfter(7));
    assertEquals(Duration.ofSeconds(512), backoff.delayAfter(14));
  }

  @Test
  void the_wait_is_capped_even_for_absurd_counts() {
    assertEquals(Duration.ofMinutes(15), backoff.delayAfter(15));
    assertEquals(Duration.ofMinutes(15), backoff.delayAfter(44));
    assertEquals(Duration.ofMinutes(15), backoff.delayAfter(45));
    assertEquals(Duration.ofMinutes(15), backoff.delayAfter(Integer.MAX_VALUE));
  }

  @Test
  void nonsense_settings_are_refused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new Backoff(0, Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofHours(1)));
    assertThrows(
        IllegalArgumentException.class,
        () -> new Backoff(5, Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofHours(1)));
    assertThrows(
        IllegalArgumentException.class,
        () -> new Backoff(5, Duration.ZERO, Duration.ofSeconds(1), Duration.ofHours(1)));
  }

  @Test
  void a_counter_blocks_after_the_threshold_and_forgets_after_a_quiet_window() {
    LoginThrottle row = new LoginThrottle();
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    for (int i = 0; i < 4; i++) {
      row.failed(t, backoff);
      assertTrue(row.waitAt(t).isEmpty());
    }
    row.failed(t, backoff);
    assertEquals(Duration.ofSeconds(1), row.waitAt(t).orElseThrow());
    assertTrue(row.waitAt(t.plusSeconds(1)).isEmpty(), "free again once the back-off is over");
    row.failed(t.plusSeconds(1), backoff);
    assertEquals(Duration.ofSeconds(2), row.waitAt(t.plusSeconds(1)).orElseThrow());

    Instant later = t.plus(Duration.ofHours(2));
    row.failed(later, backoff);
    assertEquals(1, row.failures(), "counter restarts after a quiet window");
    assertTrue(row.waitAt(later).isEmpty());
  }
}
