package io.kursfilm.video.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ExpiringCacheTest {

  /** A clock the test moves by hand. */
  static final class Hand extends Clock {
    Instant now = Instant.parse("2026-11-25T09:00:00Z");

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }

  final Hand clock = new Hand();
  final AtomicInteger loads = new AtomicInteger();

  Optional<String> load(String key) {
    loads.incrementAndGet();
    return key.startsWith("missing") ? Optional.empty() : Optional.of(key + "#" + loads.get());
  }

  @Test
  void a_value_is_loaded_once_within_its_ttl_and_again_after_it() {
    ExpiringCache<String, String> cache = new ExpiringCache<>(Duration.ofSeconds(5), 10, clock);

    assertEquals("a#1", cache.get("a", this::load).orElseThrow());
    clock.now = clock.now.plusMillis(4_999);
    assertEquals("a#1", cache.get("a", this::load).orElseThrow());
    clock.now = clock.now.plusMillis(1);
    assertEquals("a#2", cache.get("a", this::load).orElseThrow());
    assertEquals(2, loads.get());
  }

  @Test
  void an_absent_value_is_not_kept() {
    ExpiringCache<String, String> cache = new ExpiringCache<>(Duration.ofSeconds(5), 10, clock);

    assertTrue(cache.get("missing", this::load).isEmpty());
    assertTrue(cache.get("missing", this::load).isEmpty());
    assertEquals(2, loads.get());
    assertEquals(0, cache.size());
  }

  @Test
  void the_least_recently_used_entry_goes_when_full() {
    ExpiringCache<String, String> cache = new ExpiringCache<>(Duration.ofMinutes(5), 2, clock);
    cache.get("a", this::load);
    cache.get("b", this::load);
    cache.get("a", this::load); // a is now more recent than b

    cache.get("c", this::load);

    assertEquals(2, cache.size());
    assertEquals("a#1", cache.get("a", this::load).orElseThrow());
    assertEquals("b#4", cache.get("b", this::load).orElseThrow());
  }

  @Test
  void a_removed_value_is_loaded_again() {
    ExpiringCache<String, String> cache = new ExpiringCache<>(Duration.ofMinutes(5), 10, clock);
    cache.get("a", this::load);

    cache.remove("a");

    assertEquals("a#2", cache.get("a", this::load).orElseThrow());
  }

  @Test
  void a_zero_ttl_keeps_nothing() {
    ExpiringCache<String, String> cache = new ExpiringCache<>(Duration.ZERO, 10, clock);

    cache.get("a", this::load);
    cache.get("a", this::load);

    assertEquals(2, loads.get());
  }

  @Test
  void a_negative_ttl_or_no_capacity_is_refused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new ExpiringCache<String, String>(Duration.ofSeconds(-1), 10, clock));
    assertThrows(
        IllegalArgumentException.class,
        () -> new ExpiringCache<String, String>(Duration.ofSeconds(1), 0, clock));
  }
}
