package io.kursfilm.storage.keys.kms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.KmsClient;
import com.google.crypto.tink.KmsClients;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import io.kursfilm.storage.keys.LocalKeyStore;
import io.kursfilm.storage.testing.FakeVault;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MasterKeysTest {

  private static final byte[] AD = "ad".getBytes(StandardCharsets.UTF_8);

  @TempDir Path dir;

  @BeforeAll
  static void registerTink() throws Exception {
    AeadConfig.register();
  }

  @Test
  void file_uri_creates_and_reloads_the_local_master() throws Exception {
    Path file = dir.resolve("master-keyset.json");
    Aead created =
        MasterKeys.fromUri(file.toUri().toString(), Map.of(MasterKeys.FILE_CREATE, "true"));
    byte[] sealed = created.encrypt(AD, AD);

    Aead reloaded = MasterKeys.fromUri("file:" + file, Map.of());

    assertArrayEquals(AD, reloaded.decrypt(sealed, AD));
  }

  @Test
  void file_uri_creates_the_key_store_directory_on_first_start() throws Exception {
    Path file = dir.resolve("fresh/keys/master-keyset.json");

    MasterKeys.fromUri("file:" + file, Map.of(MasterKeys.FILE_CREATE, "true"));

    assertTrue(java.nio.file.Files.isRegularFile(file));
  }

  @Test
  void file_uri_without_create_fails_when_the_file_is_missing() {
    String uri = "file:" + dir.resolve("absent.json");
    assertThrows(GeneralSecurityException.class, () -> MasterKeys.fromUri(uri, Map.of()));
  }

  @Test
  void vault_transit_uri_wraps_tenant_keysets_in_vault() throws Exception {
    try (FakeVault vault = new FakeVault("transit", "kursfilm-master", "s.token")) {
      Map<String, String> settings =
          Map.of(MasterKeys.VAULT_TOKEN, "s.token", MasterKeys.VAULT_TLS, "false");
      String uri = "vault-transit://127.0.0.1:" + vault.port() + "/transit/kursfilm-master";
      LocalKeyStore store =
          new LocalKeyStore(
              dir, MasterKeys.fromUri(uri, settings), Duration.ofMinutes(1), Clock.systemUTC());
      store.create("t1");
      store.check();
      byte[] sealed = store.kek("t1").encrypt(AD, AD);

      LocalKeyStore reopened =
          new LocalKeyStore(
              dir, MasterKeys.fromUri(uri, settings), Duration.ofMinutes(1), Clock.systemUTC());

      assertArrayEquals(AD, reopened.kek("t1").decrypt(sealed, AD));
      assertTrue(Files.readString(dir.resolve("tenants/t1.json")).contains("encryptedKeyset"));
      assertFalse(Files.exists(dir.resolve(LocalKeyStore.MASTER_FILE)));
    }
  }

  @Test
  void vault_transit_needs_a_token_and_a_mount_and_key() {
    assertThrows(
        IllegalArgumentException.class,
        () -> MasterKeys.fromUri("vault-transit://vault:8200/transit/k", Map.of()));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            MasterKeys.fromUri(
                "vault-transit://vault:8200/onlykey", Map.of(MasterKeys.VAULT_TOKEN, "t")));
  }

  @Test
  void nested_vault_mount_is_split_at_the_last_slash() throws Exception {
    Aead aead =
        MasterKeys.fromUri(
            "vault-transit://vault.internal:8200/team/transit/kursfilm",
            Map.of(MasterKeys.VAULT_TOKEN, "t"));
    assertEquals("VaultTransitAead[vault.internal:8200 (team/transit/kursfilm)]", aead.toString());
  }

  @Test
  void aws_kms_without_the_extension_says_which_artifact_to_add() {
    GeneralSecurityException e =
        assertThrows(
            GeneralSecurityException.class,
            () ->
                MasterKeys.fromUri(
                    "aws-kms://arn:aws:kms:eu-central-1:111122223333:key/absent", Map.of()));
    assertTrue(e.getMessage().contains("tink-awskms"), e.getMessage());
  }

  @Test
  void gcp_kms_without_the_extension_says_which_artifact_to_add() {
    GeneralSecurityException e =
        assertThrows(
            GeneralSecurityException.class,
            () ->
                MasterKeys.fromUri(
                    "gcp-kms://projects/p/locations/l/keyRings/r/cryptoKeys/absent", Map.of()));
    assertTrue(e.getMessage().contains("tink-gcpkms"), e.getMessage());
  }

  @Test
  void a_registered_kms_client_serves_its_key_uri() throws Exception {
    String uri = "aws-kms://arn:aws:kms:eu-central-1:111122223333:key/registered-fake";
    KmsClients.add(new FakeKmsClient(uri));

    Aead master = MasterKeys.fromUri(uri, Map.of());

    assertArrayEquals(AD, master.decrypt(master.encrypt(AD, AD), AD));
  }

  @Test
  void unknown_scheme_is_rejected() {
    assertThrows(
        IllegalArgumentException.class, () -> MasterKeys.fromUri("hsm://slot/1", Map.of()));
  }

  /** A KMS that supports one key URI and keeps the key in memory. */
  private static final class FakeKmsClient implements KmsClient {
    private final String uri;
    private final Aead aead;

    FakeKmsClient(String uri) throws GeneralSecurityException {
      this.uri = uri;
      this.aead =
          KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM)
              .getPrimitive(RegistryConfiguration.get(), Aead.class);
    }

    @Override
    public boolean doesSupport(String keyUri) {
      return uri.equals(keyUri);
    }

    @Override
    public KmsClient withCredentials(String credentialPath) {
      return this;
    }

    @Override
    public KmsClient withDefaultCredentials() {
      return this;
    }

    @Override
    public Aead getAead(String keyUri) {
      return aead;
    }
  }
}
