package io.kursfilm.storage.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalKeyStoreTest {

  @TempDir Path dir;

  @BeforeAll
  static void registerTink() throws Exception {
    AeadConfig.register();
  }

  private LocalKeyStore open() {
    return new LocalKeyStore(dir, true, Duration.ofMinutes(5), Clock.systemUTC());
  }

  @Test
  void kek_survives_reopening_the_store() throws Exception {
    LocalKeyStore store = open();
    store.create("t1");
    byte[] ad = "t1|o1".getBytes(StandardCharsets.UTF_8);
    byte[] sealed = store.kek("t1").encrypt("hello".getBytes(StandardCharsets.UTF_8), ad);

    byte[] plain = open().kek("t1").decrypt(sealed, ad);

    assertArrayEquals("hello".getBytes(StandardCharsets.UTF_8), plain);
  }

  @Test
  void one_tenants_key_cannot_open_anothers_data() throws Exception {
    LocalKeyStore store = open();
    store.create("t1");
    store.create("t2");
    byte[] ad = "x".getBytes(StandardCharsets.UTF_8);
    byte[] sealed = store.kek("t1").encrypt(ad, ad);

    Aead other = store.kek("t2");
    assertThrows(GeneralSecurityException.class, () -> other.decrypt(sealed, ad));
  }

  @Test
  void keyset_file_renamed_to_another_tenant_does_not_load() throws Exception {
    LocalKeyStore store = open();
    store.create("t1");
    Files.copy(dir.resolve("tenants/t1.json"), dir.resolve("tenants/t2.json"));

    assertThrows(KeyStoreException.class, () -> open().kek("t2"));
  }

  @Test
  void destroyed_key_is_gone_from_disk_and_cache() {
    LocalKeyStore store = open();
    store.create("t1");
    store.kek("t1");

    store.destroy("t1");

    assertFalse(store.exists("t1"));
    assertThrows(KeyStoreException.class, () -> store.kek("t1"));
  }

  @Test
  void keyset_on_disk_holds_no_raw_key_bytes() throws Exception {
    LocalKeyStore store = open();
    store.create("t1");
    String json = Files.readString(dir.resolve("tenants/t1.json"));
    assertTrue(json.contains("encryptedKeyset"));
    assertFalse(json.contains("\"value\""));
  }

  @Test
  void missing_master_without_permission_to_create_is_an_error() {
    assertThrows(
        KeyStoreException.class,
        () -> new LocalKeyStore(dir, false, Duration.ofMinutes(1), Clock.systemUTC()));
  }

  @Test
  void tenant_ids_cannot_escape_the_directory() {
    LocalKeyStore store = open();
    assertThrows(IllegalArgumentException.class, () -> store.create("../evil"));
  }

  @Test
  void check_passes_on_a_healthy_store() {
    open().check();
  }

  @Test
  void rotation_keeps_old_data_readable_and_seals_new_data_under_the_new_primary()
      throws Exception {
    LocalKeyStore store = open();
    String first = store.create("t1");
    byte[] ad = "t1|o1".getBytes(StandardCharsets.UTF_8);
    byte[] before = store.kek("t1").encrypt("old".getBytes(StandardCharsets.UTF_8), ad);

    String second = store.rotate("t1");

    assertNotEquals(first, second);
    Aead kek = store.kek("t1");
    assertArrayEquals("old".getBytes(StandardCharsets.UTF_8), kek.decrypt(before, ad));
    byte[] after = kek.encrypt("new".getBytes(StandardCharsets.UTF_8), ad);
    // Tink's output prefix: version byte 0x01, then the 4-byte big-endian id of the sealing key.
    assertEquals(Integer.parseUnsignedInt(first), outputPrefixKeyId(before));
    assertEquals(Integer.parseUnsignedInt(second), outputPrefixKeyId(after));
    assertEquals(List.of(first, second), store.keyIds("t1"));
    assertArrayEquals("new".getBytes(StandardCharsets.UTF_8), open().kek("t1").decrypt(after, ad));
  }

  @Test
  void rotation_evicts_the_cached_kek() throws Exception {
    LocalKeyStore store = open();
    store.create("t1");
    Aead cachedBefore = store.kek("t1");

    String second = store.rotate("t1");

    Aead fresh = store.kek("t1");
    assertNotSame(cachedBefore, fresh);
    byte[] ad = "x".getBytes(StandardCharsets.UTF_8);
    assertEquals(Integer.parseUnsignedInt(second), outputPrefixKeyId(fresh.encrypt(ad, ad)));
  }

  @Test
  void key_ids_list_the_single_key_of_a_new_tenant() {
    LocalKeyStore store = open();
    String id = store.create("t1");
    assertEquals(List.of(id), store.keyIds("t1"));
  }

  @Test
  void rotating_or_listing_a_destroyed_key_fails() {
    LocalKeyStore store = open();
    store.create("t1");
    store.destroy("t1");
    assertThrows(KeyStoreException.class, () -> store.rotate("t1"));
    assertThrows(KeyStoreException.class, () -> store.keyIds("t1"));
    assertFalse(store.exists("t1"));
  }

  @Test
  void store_with_an_external_master_aead_writes_no_master_file() throws Exception {
    Aead master =
        KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM)
            .getPrimitive(RegistryConfiguration.get(), Aead.class);
    LocalKeyStore store = new LocalKeyStore(dir, master, Duration.ofMinutes(5), Clock.systemUTC());
    store.create("t1");
    byte[] ad = "a".getBytes(StandardCharsets.UTF_8);
    byte[] sealed = store.kek("t1").encrypt(ad, ad);

    LocalKeyStore reopened =
        new LocalKeyStore(dir, master, Duration.ofMinutes(5), Clock.systemUTC());

    assertArrayEquals(ad, reopened.kek("t1").decrypt(sealed, ad));
    assertFalse(Files.exists(dir.resolve(LocalKeyStore.MASTER_FILE)));
  }

  private static int outputPrefixKeyId(byte[] ciphertext) {
    assertEquals(1, ciphertext[0], "Tink output prefix");
    return ByteBuffer.wrap(ciphertext, 1, 4).getInt();
  }
}
