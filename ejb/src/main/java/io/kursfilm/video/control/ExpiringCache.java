package io.kursfilm.video.control;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A small in-memory cache whose entries expire a fixed time after they were loaded and which holds
 * at most {@code capacity} entries, dropping the least recently used. Absent values are not kept,
 * so a miss is asked again next time. Thread-safe; loads run outside the lock, so two threads
 * missing the same key at once may both load it.
 */
public final class ExpiringCache<K, V> {

  private record Entry<V>(V value, Instant expires) {}

  private final Duration ttl;
  private final Clock clock;
  private final Map<K, Entry<V>> entries;

  public ExpiringCache(Duration ttl, int capacity, Clock clock) {
    if (ttl.isNegative() || capacity < 1) {
      throw new IllegalArgumentException("ttl must not be negative and capacity positive");
    }
    this.ttl = ttl;
    this.clock = clock;
    this.entries =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<K, Entry<V>> eldest) {
            return size() > capacity;
          }
        };
  }

  /** The value kept for {@code key}, else what {@code loader} finds (kept when present). */
  public Optional<V> get(K key, Function<K, Optional<V>> loader) {
    Instant now = clock.instant();
    synchronized (entries) {
      Entry<V> entry = entries.get(key);
      if (entry != null && now.isBefore(entry.expires())) {
        return Optional.of(entry.value());
      }
    }
    Optional<V> loaded = loader.apply(key);
    if (loaded.isPresent() && !ttl.isZero()) {
      synchronized (entries) {
        entries.put(key, new Entry<>(loaded.get(), now.plus(ttl)));
      }
    }
    return loaded;
  }

  /** Forgets the value kept for {@code key}, if any. */
  public void remove(K key) {
    synchronized (entries) {
      entries.remove(key);
    }
  }

  /** Entries currently held, expired ones included until they are replaced or pushed out. */
  int size() {
    synchronized (entries) {
      return entries.size();
    }
  }
}
