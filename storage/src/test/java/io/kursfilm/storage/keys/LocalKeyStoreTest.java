package io.kursfilm.storage.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.crypto.tink.Aead;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalKeyStoreTest {

  @TempDir Path dir;

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
}
