package io.kursfilm.storage.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlatformKeysetsTest {

  @TempDir Path dir;

  private LocalKeyStore store(Path at) {
    return new LocalKeyStore(at, true, Duration.ofMinutes(5), Clock.systemUTC());
  }

  @Test
  void a_stored_keyset_is_wrapped_by_the_master_and_reads_back() throws Exception {
    PlatformKeysets keysets = store(dir).platformKeysets();
    KeysetHandle keyset = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
    assertFalse(keysets.exists("audit-signing"));

    keysets.store("audit-signing", keyset);

    String onDisk = Files.readString(dir.resolve("platform/audit-signing.json"));
    assertTrue(onDisk.contains("encryptedKeyset"), "wrapped, not cleartext");
    assertEquals(
        keyset.getPrimary().getId(),
        store(dir).platformKeysets().read("audit-signing").orElseThrow().getPrimary().getId());
  }

  @Test
  void an_existing_keyset_is_never_overwritten_and_a_missing_one_is_not_invented()
      throws Exception {
    PlatformKeysets keysets = store(dir).platformKeysets();
    assertTrue(keysets.read("audit-signing").isEmpty());
    assertFalse(Files.exists(dir.resolve("platform/audit-signing.json")));
    keysets.store("audit-signing", KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM));
    assertThrows(
        KeyStoreException.class,
        () ->
            keysets.store(
                "audit-signing", KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM)));
  }

  @Test
  void a_keyset_does_not_open_under_another_master() throws Exception {
    store(dir)
        .platformKeysets()
        .store("audit-signing", KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM));
    Path other = dir.resolveSibling(dir.getFileName() + "-other");
    store(other);
    Files.createDirectories(other.resolve("platform"));
    Files.copy(
        dir.resolve("platform/audit-signing.json"), other.resolve("platform/audit-signing.json"));

    assertThrows(
        KeyStoreException.class, () -> store(other).platformKeysets().read("audit-signing"));
  }
}
