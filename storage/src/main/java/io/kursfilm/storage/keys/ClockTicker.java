package io.kursfilm.storage.keys;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Instant;

/**
 * A Caffeine ticker that reads a {@link Clock}, so the key caches expire on the application's clock
 * and tests move time by hand instead of sleeping.
 */
public final class ClockTicker implements Ticker {

  private final Clock clock;

  private ClockTicker(Clock clock) {
    this.clock = clock;
  }

  public static Ticker of(Clock clock) {
    return new ClockTicker(clock);
  }

  @Override
  public long read() {
    Instant now = clock.instant();
    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
  }
}
