package io.kursfilm.storage.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MasterRotationTest {

  private static final byte[] AD = "t1|o1".getBytes(StandardCharsets.UTF_8);

  @TempDir Path dir;
  @TempDir Path elsewhere;

  @BeforeAll
  static void registerTink() throws Exception {
    AeadConfig.register();
  }

  private LocalKeyStore open() {
    return new LocalKeyStore(dir, false, Duration.ofMinutes(5), Clock.systemUTC());
  }

  private KeysetHandle master() throws Exception {
    return TinkJsonProtoKeysetFormat.parseKeyset(
        Files.readString(dir.resolve(LocalKeyStore.MASTER_FILE)), InsecureSecretKeyAccess.get());
  }

  private static boolean opens(Path file, Aead master, byte[] ad) throws Exception {
    try {
      TinkJsonProtoKeysetFormat.parseEncryptedKeyset(Files.readString(file), master, ad);
      return true;
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  @Test
  void after_rotation_the_old_master_opens_nothing_and_the_new_one_opens_every_keyset()
      throws Exception {
    LocalKeyStore store = new LocalKeyStore(dir, true, Duration.ofMinutes(5), Clock.systemUTC());
    store.create("t1");
    store.create("t2");
    store.create("t3");
    byte[] sealed = store.kek("t1").encrypt(AD, AD);
    store
        .platformKeysets()
        .store("audit-signing", KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM));
    Path destroyedCopy = Files.copy(dir.resolve("tenants/t3.json"), elsewhere.resolve("t3.json"));
    store.destroy("t3");
    KeysetHandle oldMaster = master();
    Aead old = oldMaster.getPrimitive(RegistryConfiguration.get(), Aead.class);

    MasterRotation.Result result = new MasterRotation(dir).run();

    assertEquals(new MasterRotation.Result(2, 1), result);
    KeysetHandle newMaster = master();
    assertEquals(1, newMaster.size());
    assertNotEquals(oldMaster.getPrimary().getId(), newMaster.getPrimary().getId());
    for (String tenant : List.of("t1", "t2")) {
      Path file = dir.resolve("tenants/" + tenant + ".json");
      assertFalse(opens(file, old, LocalKeyStore.associatedData(tenant)), tenant);
    }
    Path platform = dir.resolve("platform/audit-signing.json");
    assertFalse(opens(platform, old, PlatformKeysets.associatedData("audit-signing")));
    LocalKeyStore reopened = open();
    assertArrayEquals(AD, reopened.kek("t1").decrypt(sealed, AD));
    reopened.kek("t2");
    assertTrue(reopened.platformKeysets().read("audit-signing").isPresent());
    // The destroyed tenant stays destroyed, even with an old copy of its file put back.
    assertFalse(reopened.exists("t3"));
    Files.copy(destroyedCopy, dir.resolve("tenants/t3.json"));
    assertThrows(KeyStoreException.class, () -> open().kek("t3"));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(
          List.of(),
          files
              .map(f -> f.getFileName().toString())
              .filter(n -> n.startsWith(LocalKeyStore.MASTER_FILE + ".") || n.endsWith(".tmp"))
              .toList());
    }
  }

  @Test
  void an_interrupted_rotation_leaves_every_keyset_openable_and_a_second_run_finishes_it()
      throws Exception {
    LocalKeyStore store = new LocalKeyStore(dir, true, Duration.ofMinutes(5), Clock.systemUTC());
    store.create("t1");
    store.create("t2");
    byte[] sealed = store.kek("t2").encrypt(AD, AD);
    Aead old = master().getPrimitive(RegistryConfiguration.get(), Aead.class);
    // A keyset that opens under no master stops the run half-way, like a crash would.
    Path stray = dir.resolve("tenants/t0.json");
    Files.writeString(stray, Files.readString(dir.resolve("tenants/t1.json")));

    assertThrows(KeyStoreException.class, () -> new MasterRotation(dir).run());

    assertEquals(2, master().size());
    assertArrayEquals(AD, open().kek("t2").decrypt(sealed, AD));
    open().kek("t1");
    Files.delete(stray);

    assertEquals(new MasterRotation.Result(2, 0), new MasterRotation(dir).run());

    assertEquals(1, master().size());
    assertFalse(opens(dir.resolve("tenants/t2.json"), old, LocalKeyStore.associatedData("t2")));
    assertArrayEquals(AD, open().kek("t2").decrypt(sealed, AD));
  }

  @Test
  void a_second_name_of_the_live_master_left_by_a_crash_is_not_shredded() throws Exception {
    LocalKeyStore store = new LocalKeyStore(dir, true, Duration.ofMinutes(5), Clock.systemUTC());
    store.create("t1");
    byte[] sealed = store.kek("t1").encrypt(AD, AD);
    Files.createLink(
        dir.resolve(MasterRotation.OLD_MASTER), dir.resolve(LocalKeyStore.MASTER_FILE));

    new MasterRotation(dir).run();

    assertArrayEquals(AD, open().kek("t1").decrypt(sealed, AD));
    assertFalse(Files.exists(dir.resolve(MasterRotation.OLD_MASTER)));
  }

  @Test
  void refuses_while_an_app_node_or_worker_holds_the_key_store() throws Exception {
    new LocalKeyStore(dir, true, Duration.ofMinutes(5), Clock.systemUTC()).create("t1");
    String before = Files.readString(dir.resolve(LocalKeyStore.MASTER_FILE));
    KeyStoreLock.holdShared(dir);

    KeyStoreException e =
        assertThrows(KeyStoreException.class, () -> new MasterRotation(dir).run());

    assertTrue(e.getMessage().contains("in use"), e.getMessage());
    assertEquals(before, Files.readString(dir.resolve(LocalKeyStore.MASTER_FILE)));
  }

  @Test
  void refuses_a_key_store_without_a_local_master() {
    KeyStoreException e =
        assertThrows(KeyStoreException.class, () -> new MasterRotation(dir).run());
    assertTrue(e.getMessage().contains("no local master"), e.getMessage());
  }
}
