package io.kursfilm.storage.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import io.kursfilm.storage.keys.kms.MasterKeys;
import io.kursfilm.storage.keys.kms.TenantKmsKeys;
import io.kursfilm.storage.testing.FakeVault;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tenant keysets wrapped by Vault Transit keys of their own, against a fake Vault on 127.0.0.1. */
class TenantKmsKeysTest {

  private static final String TOKEN = "s.test-token-not-secret";
  private static final byte[] AD = "t1|o1".getBytes(StandardCharsets.UTF_8);

  @TempDir Path dir;
  @TempDir Path elsewhere;

  private FakeVault vault;
  private String masterUri;
  private Map<String, String> settings;

  @BeforeEach
  void startVault() throws Exception {
    vault = new FakeVault("transit", "kursfilm-master", TOKEN);
    masterUri = "vault-transit://127.0.0.1:" + vault.port() + "/transit/kursfilm-master";
    settings = Map.of(MasterKeys.VAULT_TOKEN, TOKEN, MasterKeys.VAULT_TLS, "false");
  }

  @AfterEach
  void stopVault() {
    vault.close();
  }

  /** The store as {@link KeyStoreSettings#open} composes it for a Vault master. */
  private LocalKeyStore open() throws GeneralSecurityException {
    return new LocalKeyStore(
        dir,
        MasterKeys.fromUri(masterUri, settings),
        MasterKeys.tenantKeys(masterUri, settings),
        Duration.ofMinutes(5),
        Clock.systemUTC());
  }

  /** A store under the same master that gives tenants no keys of their own, as before. */
  private LocalKeyStore openWithoutTenantKeys() throws GeneralSecurityException {
    return new LocalKeyStore(
        dir, MasterKeys.fromUri(masterUri, settings), Duration.ofMinutes(5), Clock.systemUTC());
  }

  private String tenantKeyUri(String tenantId) {
    return "vault-transit://127.0.0.1:" + vault.port() + "/transit/kursfilm-tenant-" + tenantId;
  }

  @Test
  void a_new_tenant_gets_its_own_vault_key_which_wraps_its_keyset() throws Exception {
    LocalKeyStore store = open();
    String keyId = store.create("t1");
    byte[] sealed = store.kek("t1").encrypt(AD, AD);

    assertTrue(vault.hasKey("kursfilm-tenant-t1"));
    String file = Files.readString(dir.resolve("tenants/t1.json"));
    assertTrue(file.contains(tenantKeyUri("t1")), file);
    assertEquals(List.of(keyId, tenantKeyUri("t1")), store.keyIds("t1"));
    assertArrayEquals(AD, open().kek("t1").decrypt(sealed, AD));
  }

  @Test
  void destroy_deletes_the_vault_key_so_an_old_copy_of_the_key_file_opens_nothing()
      throws Exception {
    LocalKeyStore store = open();
    store.create("t1");
    store.create("t2");
    byte[] sealedForT2 = store.kek("t2").encrypt(AD, AD);
    Path oldCopy = elsewhere.resolve("t1.json");
    Files.copy(dir.resolve("tenants/t1.json"), oldCopy);

    store.destroy("t1");

    assertFalse(vault.hasKey("kursfilm-tenant-t1"));
    assertFalse(store.exists("t1"));
    Files.copy(oldCopy, dir.resolve("tenants/t1.json"), StandardCopyOption.REPLACE_EXISTING);
    LocalKeyStore reopened = open();
    assertTrue(reopened.exists("t1"));
    assertThrows(KeyStoreException.class, () -> reopened.kek("t1"));
    assertArrayEquals(AD, reopened.kek("t2").decrypt(sealedForT2, AD));
    assertTrue(vault.hasKey("kursfilm-tenant-t2"));
    assertTrue(vault.hasKey("kursfilm-master"));
  }

  @Test
  void destroy_can_be_retried_after_the_vault_key_is_gone() throws Exception {
    LocalKeyStore store = open();
    store.create("t1");
    Path oldCopy = elsewhere.resolve("t1.json");
    Files.copy(dir.resolve("tenants/t1.json"), oldCopy);
    store.destroy("t1");
    // A retry that finds the file again (here: put back) must not fail on the missing key.
    Files.copy(oldCopy, dir.resolve("tenants/t1.json"));

    store.destroy("t1");

    assertFalse(store.exists("t1"));
    assertFalse(vault.hasKey("kursfilm-tenant-t1"));
  }

  @Test
  void a_keyset_under_the_shared_master_keeps_working_and_moves_to_its_own_key_at_rotation()
      throws Exception {
    String first = openWithoutTenantKeys().create("t1");
    byte[] sealed = openWithoutTenantKeys().kek("t1").encrypt(AD, AD);
    LocalKeyStore store = open();

    assertArrayEquals(AD, store.kek("t1").decrypt(sealed, AD));
    assertEquals(List.of(first), store.keyIds("t1"));
    assertFalse(vault.hasKey("kursfilm-tenant-t1"));

    String second = store.rotate("t1");

    assertTrue(vault.hasKey("kursfilm-tenant-t1"));
    assertEquals(List.of(first, second, tenantKeyUri("t1")), store.keyIds("t1"));
    assertArrayEquals(AD, open().kek("t1").decrypt(sealed, AD));
    store.destroy("t1");
    assertFalse(vault.hasKey("kursfilm-tenant-t1"));
  }

  @Test
  void a_tenant_whose_vault_key_cannot_be_created_gets_no_key_file() throws Exception {
    LocalKeyStore store = open();
    vault.close();

    assertThrows(KeyStoreException.class, () -> store.create("t1"));

    assertFalse(store.exists("t1"));
  }

  @Test
  void a_key_file_naming_a_kms_key_does_not_open_without_that_kms() throws Exception {
    open().create("t1");

    KeyStoreException e =
        assertThrows(KeyStoreException.class, () -> openWithoutTenantKeys().kek("t1"));

    assertTrue(e.getMessage().contains("no KMS is configured"), e.getMessage());
  }

  @Test
  void platform_keysets_stay_under_the_master() throws Exception {
    LocalKeyStore store = open();
    store.create("t1");
    KeysetHandle keyset = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);

    store.platformKeysets().store("audit-signing", keyset);

    assertTrue(open().platformKeysets().read("audit-signing").isPresent());
    assertFalse(Files.readString(dir.resolve("platform/audit-signing.json")).contains("kmsKey"));
  }

  @Test
  void a_key_uri_off_the_mount_or_not_of_a_tenant_is_refused() throws Exception {
    TenantKmsKeys keys = MasterKeys.tenantKeys(masterUri, settings).orElseThrow();
    String otherMount = "vault-transit://127.0.0.1:" + vault.port() + "/other/kursfilm-tenant-t1";
    assertThrows(GeneralSecurityException.class, () -> keys.aead(otherMount));
    assertThrows(GeneralSecurityException.class, () -> keys.delete(otherMount));
    assertThrows(GeneralSecurityException.class, () -> keys.aead(masterUri));
    assertThrows(GeneralSecurityException.class, () -> keys.aead("aws-kms://arn:aws:kms:x"));
  }

  @Test
  void tenant_keys_are_looked_up_in_the_configured_vault_whatever_host_the_file_names()
      throws Exception {
    LocalKeyStore store = open();
    store.create("t1");
    byte[] sealed = store.kek("t1").encrypt(AD, AD);
    Path file = dir.resolve("tenants/t1.json");
    // Vault moved: the file still names the old address, the master URI names the new one.
    Files.writeString(
        file, Files.readString(file).replace("127.0.0.1:" + vault.port(), "vault.old:8200"));

    LocalKeyStore moved = open();

    assertArrayEquals(AD, moved.kek("t1").decrypt(sealed, AD));
    moved.destroy("t1");
    assertFalse(vault.hasKey("kursfilm-tenant-t1"));
  }

  @Test
  void the_local_file_master_gives_tenants_no_kms_keys() {
    assertEquals(
        Optional.empty(), MasterKeys.tenantKeys("file:" + dir.resolve("m.json"), Map.of()));
  }
}
