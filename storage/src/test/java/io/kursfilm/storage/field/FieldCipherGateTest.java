package io.kursfilm.storage.field;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kursfilm.storage.keys.GatedTenantKeys;
import io.kursfilm.storage.keys.LocalKeyStore;
import io.kursfilm.storage.keys.TenantClosedException;
import io.kursfilm.storage.keys.TenantGate;
import io.kursfilm.storage.testing.HandClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The blind-index key cache expires like the KEK cache, and fields and indexes stop with their
 * tenant's state.
 */
class FieldCipherGateTest {

  static final Duration KEK_TTL = Duration.ofMinutes(5);

  @TempDir Path dir;
  final Map<String, String> states = new ConcurrentHashMap<>();
  final HandClock clock = new HandClock();
  FieldCipher cipher;
  byte[] indexKey;

  @BeforeEach
  void setUp() {
    LocalKeyStore store = new LocalKeyStore(dir, true, KEK_TTL, clock);
    TenantGate gate =
        new TenantGate(id -> Optional.ofNullable(states.get(id)), Duration.ofSeconds(5), clock);
    cipher = new FieldCipher(new GatedTenantKeys(store, gate), KEK_TTL, clock);
    for (String tenant : new String[] {"t1", "t2"}) {
      store.create(tenant);
      states.put(tenant, "ACTIVE");
    }
    indexKey = cipher.newWrappedIndexKey("t1");
  }

  @Test
  void an_unwrapped_index_key_is_kept_for_the_kek_ttl_and_then_forgotten() {
    String index = cipher.blindIndex("t1", indexKey, "email", "anna@example.com");
    clock.advance(KEK_TTL.minusSeconds(1));
    assertEquals(1, cipher.cachedIndexKeys());

    clock.advance(Duration.ofSeconds(1));
    assertEquals(0, cipher.cachedIndexKeys());
    assertEquals(index, cipher.blindIndex("t1", indexKey, "email", "anna@example.com"));
  }

  @Test
  void a_cached_index_key_gives_no_index_once_the_tenant_is_shredded() {
    cipher.blindIndex("t1", indexKey, "email", "anna@example.com");
    states.put("t1", "SHREDDED");
    clock.advance(Duration.ofSeconds(5));

    assertEquals(1, cipher.cachedIndexKeys(), "still cached: the gate, not expiry, refuses");
    assertThrows(
        TenantClosedException.class,
        () -> cipher.blindIndex("t1", indexKey, "email", "anna@example.com"));
  }

  @Test
  void an_offboarding_tenant_s_fields_open_and_index_but_take_no_new_value() {
    FieldCipher.Row row = new FieldCipher.Row("app_user", "u1");
    String sealed = cipher.encrypt("t1", row, "user.email", "anna@example.com");
    states.put("t1", "OFFBOARDING");
    clock.advance(Duration.ofSeconds(5));

    assertEquals("anna@example.com", cipher.decrypt("t1", row, "user.email", sealed));
    cipher.blindIndex("t1", indexKey, "email", "anna@example.com");
    assertThrows(
        TenantClosedException.class,
        () -> cipher.encrypt("t1", row, "user.email", "bert@example.com"));
  }

  @Test
  void a_shredded_tenant_s_fields_do_not_open_and_another_tenant_is_untouched() {
    FieldCipher.Row row = new FieldCipher.Row("app_user", "u1");
    String one = cipher.encrypt("t1", row, "user.email", "anna@example.com");
    String two = cipher.encrypt("t2", row, "user.email", "bert@example.com");
    states.put("t1", "SHREDDED");
    clock.advance(Duration.ofSeconds(5));

    assertThrows(TenantClosedException.class, () -> cipher.decrypt("t1", row, "user.email", one));
    assertEquals("bert@example.com", cipher.decrypt("t2", row, "user.email", two));
  }
}
