package io.kursfilm.storage.sealed;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Whole ciphertexts of small sealed objects (HLS segments and playlists) in memory, so that a video
 * many people watch at once is read from S3 once per segment rather than once per viewer. Each is
 * held as its stored segments, one array each (see {@link HeldCiphertextInputStream}).
 *
 * <p>Only ciphertext is kept, never plaintext: every read still unwraps the data key through the
 * tenant's key store and decrypts per request, so a shredded tenant's cached bytes are unreadable
 * at once, on every node. Bounded by bytes (Caffeine's size-and-frequency eviction), an entry idle
 * for {@link #IDLE} is dropped, and one object never takes more than 1/16 of the cache. Entries are
 * keyed by the object's ciphertext header, which is random per sealing: an object sealed anew under
 * the same key is a different entry. Concurrent misses of one object share a single GET.
 */
public final class CiphertextCache {

  static final Duration IDLE = Duration.ofMinutes(10);

  private final AsyncCache<Key, byte[][]> cache;
  private final long maxObjectBytes;
  private final LongAdder hits = new LongAdder();
  private final LongAdder misses = new LongAdder();

  /** A cache that holds nothing: every read goes to the object store. */
  public static CiphertextCache disabled() {
    return new CiphertextCache(0);
  }

  /**
   * @param maxBytes ciphertext bytes held at most; 0 disables the cache
   */
  public CiphertextCache(long maxBytes) {
    if (maxBytes < 0) {
      throw new IllegalArgumentException("cache size must not be negative");
    }
    this.maxObjectBytes = maxBytes / 16;
    this.cache =
        Caffeine.newBuilder()
            .maximumWeight(maxBytes)
            .weigher((Key key, byte[][] segments) -> weight(segments))
            .expireAfterAccess(IDLE)
            // Loads run on the caller's thread (see ciphertext), never on a pool of Caffeine's.
            .executor(Runnable::run)
            .buildAsync();
  }

  /** Whether an object of this stored size is cached at all. */
  boolean holds(long ciphertextSize) {
    return ciphertextSize <= maxObjectBytes;
  }

  /**
   * The stored bytes of the object the receipt describes: from memory, or loaded once by {@code
   * load} while other callers of the same object wait for that load. A failed load is not kept.
   */
  byte[][] ciphertext(SealedObject receipt, Supplier<byte[][]> load) {
    Key key = new Key(receipt.tenantId(), receipt.key(), receipt.headerBase64());
    CompletableFuture<byte[][]> mine = new CompletableFuture<>();
    // The placeholder goes in at once and the GET runs outside the map's lock, so a slow load
    // holds up only the callers of the same object.
    CompletableFuture<byte[][]> present = cache.asMap().putIfAbsent(key, mine);
    if (present != null) {
      hits.increment();
      return join(present);
    }
    misses.increment();
    try {
      mine.complete(load.get());
    } catch (RuntimeException | Error e) {
      mine.completeExceptionally(e);
      throw e;
    }
    return join(mine);
  }

  /** Drops every entry of a tenant (its offboarding); its keys are what makes them unreadable. */
  public void evictTenant(String tenantId) {
    ConcurrentMap<Key, CompletableFuture<byte[][]>> entries = cache.asMap();
    entries.keySet().removeIf(key -> key.tenantId().equals(tenantId));
  }

  /** Reads served from memory so far (waiting for another caller's load included). */
  public long hits() {
    return hits.sum();
  }

  /** Reads that loaded the object from the store so far. */
  public long misses() {
    return misses.sum();
  }

  /** Ciphertext bytes held now. */
  public long bytes() {
    return cache.synchronous().policy().eviction().map(e -> e.weightedSize().orElse(0)).orElse(0L);
  }

  private static int weight(byte[][] segments) {
    int bytes = 0;
    for (byte[] segment : segments) {
      bytes += segment.length;
    }
    return bytes;
  }

  private static byte[][] join(CompletableFuture<byte[][]> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      throw e;
    }
  }

  private record Key(String tenantId, String key, String header) {}
}
