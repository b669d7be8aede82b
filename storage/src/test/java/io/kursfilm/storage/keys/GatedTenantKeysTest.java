package io.kursfilm.storage.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.crypto.tink.Aead;
import io.kursfilm.storage.testing.HandClock;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The KEK opens and seals only as far as its tenant's state allows. */
class GatedTenantKeysTest {

  static final byte[] AD = "ad".getBytes(StandardCharsets.UTF_8);
  static final byte[] DATA = "data".getBytes(StandardCharsets.UTF_8);

  @TempDir java.nio.file.Path dir;
  final TenantGateTest.Table table = new TenantGateTest.Table();
  final HandClock clock = new HandClock();
  TenantKeys keys;

  @BeforeEach
  void open() {
    LocalKeyStore store = new LocalKeyStore(dir, true, Duration.ofMinutes(5), Clock.systemUTC());
    keys = new GatedTenantKeys(store, new TenantGate(table, Duration.ofSeconds(5), clock));
    keys.create("t1");
    table.rows.put("t1", "ACTIVE");
  }

  @Test
  void offboarding_kek_opens_old_data_but_seals_nothing_new() throws Exception {
    byte[] sealed = keys.kek("t1").encrypt(DATA, AD);
    table.rows.put("t1", "OFFBOARDING");
    clock.advance(Duration.ofSeconds(5));

    assertArrayEquals(DATA, keys.kek("t1").decrypt(sealed, AD));
    assertThrows(TenantClosedException.class, () -> keys.kek("t1").encrypt(DATA, AD));
  }

  @Test
  void a_kek_held_across_the_shred_stops_within_the_ttl() throws Exception {
    Aead held = keys.kek("t1");
    byte[] sealed = held.encrypt(DATA, AD);
    table.rows.put("t1", "SHREDDED");
    clock.advance(Duration.ofSeconds(5));

    assertThrows(TenantClosedException.class, () -> held.decrypt(sealed, AD));
    assertThrows(TenantClosedException.class, () -> held.encrypt(DATA, AD));
    assertThrows(TenantClosedException.class, () -> keys.kek("t1"));
  }

  @Test
  void managing_keys_is_not_gated_so_a_shred_can_list_and_destroy_them() {
    table.rows.put("t1", "SHREDDED");

    List<String> ids = keys.keyIds("t1");
    keys.destroy("t1");

    assertEquals(1, ids.size());
    assertFalse(keys.exists("t1"));
  }
}
