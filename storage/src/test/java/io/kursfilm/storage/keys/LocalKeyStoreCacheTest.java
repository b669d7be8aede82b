package io.kursfilm.storage.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The KEK cache: kept for its TTL, then unwrapped again and gone from memory; bounded; shredded.
 */
class LocalKeyStoreCacheTest {

  private static final Duration TTL = Duration.ofMinutes(5);

  /** A clock the test moves by hand, so expiry is tested without sleeping. */
  static final class Hand extends Clock {
    Instant now = Instant.parse("2026-12-06T09:00:00Z");

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  @TempDir Path dir;
  final Hand clock = new Hand();
  static Aead master;

  @BeforeAll
  static void registerTink() throws Exception {
    AeadConfig.register();
    master =
        KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM)
            .getPrimitive(RegistryConfiguration.get(), Aead.class);
  }

  private LocalKeyStore open(int cachedKeks) {
    return new LocalKeyStore(dir, master, Optional.empty(), TTL, clock, cachedKeks);
  }

  @Test
  void kek_is_kept_within_its_ttl_and_unwrapped_again_after_it() {
    LocalKeyStore store = open(10);
    store.create("t1");
    Aead first = store.kek("t1");

    clock.now = clock.now.plus(TTL).minusMillis(1);
    assertSame(first, store.kek("t1"));
    clock.now = clock.now.plusMillis(1);
    assertNotSame(first, store.kek("t1"));
  }

  @Test
  void expired_keks_do_not_stay_in_memory() {
    LocalKeyStore store = open(10);
    store.create("t1");
    store.create("t2");
    store.kek("t1");
    store.kek("t2");
    assertEquals(2, store.cachedKeks());

    clock.now = clock.now.plus(TTL);

    assertEquals(0, store.cachedKeks());
  }

  @Test
  void at_most_the_bound_of_keks_is_kept() {
    LocalKeyStore store = open(2);
    for (String tenant : new String[] {"t1", "t2", "t3", "t4"}) {
      store.create(tenant);
      store.kek(tenant);
    }

    assertEquals(2, store.cachedKeks());
  }

  @Test
  void destroy_evicts_the_cached_kek_at_once() {
    LocalKeyStore store = open(10);
    store.create("t1");
    store.kek("t1");

    store.destroy("t1");

    assertEquals(0, store.cachedKeks());
    assertThrows(KeyStoreException.class, () -> store.kek("t1"));
    assertEquals(0, store.cachedKeks());
  }

  @Test
  void forget_drops_the_unwrapped_kek_but_keeps_the_key() {
    LocalKeyStore store = open(10);
    store.create("t1");
    store.create("t2");
    Aead first = store.kek("t1");
    store.kek("t2");

    store.forget("t1");

    assertEquals(1, store.cachedKeks());
    Aead again = store.kek("t1");
    assertNotSame(first, again, "unwrapped again from the key file");
    assertTrue(store.exists("t1"));
  }
}
