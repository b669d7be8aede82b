package io.kursfilm.audit.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import io.kursfilm.audit.entity.AuditHash;
import io.kursfilm.storage.keys.LocalKeyStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditSigningKeyTest {

  private static final Checkpoint UNSIGNED =
      new Checkpoint("t", 1, 4, "ab".repeat(32), Instant.EPOCH, AuditHash.GENESIS, null);

  @TempDir Path dir;

  private final LocalKeyStore store() {
    return new LocalKeyStore(dir, true, Duration.ofMinutes(5), Clock.systemUTC());
  }

  /** Wired as CDI would; checkpoints stays null: these cases never need to list the store. */
  private AuditSigningKey key(Optional<String> pinned) {
    AuditSigningKey key = new AuditSigningKey();
    key.keysets = store().platformKeysets();
    key.keyStoreDir = dir.toString();
    key.pinnedKey = pinned;
    key.open();
    return key;
  }

  @Test
  void a_signing_key_missing_from_a_key_store_in_use_is_reported_not_replaced() {
    store().create("tenant-1");

    AuditSigningKey key = key(Optional.empty());

    assertThrows(IllegalStateException.class, key::signer);
    assertThrows(IllegalStateException.class, key::check, "readiness DOWN");
    assertFalse(Files.exists(dir.resolve("platform/audit-signing.json")), "no new key");
    assertFalse(key.authentic(new CheckpointSigner(CheckpointSigner.generate()).sign(UNSIGNED)));
  }

  @Test
  void a_cleartext_keyset_of_earlier_versions_is_wrapped_and_removed() throws Exception {
    store().create("tenant-1");
    KeysetHandle legacy = CheckpointSigner.generate();
    Files.writeString(
        dir.resolve(AuditSigningKey.LEGACY_FILE),
        TinkJsonProtoKeysetFormat.serializeKeyset(legacy, InsecureSecretKeyAccess.get()));

    AuditSigningKey key = key(Optional.empty());

    assertFalse(Files.exists(dir.resolve(AuditSigningKey.LEGACY_FILE)));
    assertTrue(Files.readString(dir.resolve("platform/audit-signing.json")).contains("encrypted"));
    assertTrue(new CheckpointSigner(legacy).verify(key.signer().sign(UNSIGNED)), "same key");
    key.check();
    assertEquals(
        new CheckpointSigner(legacy).publicKeyset(),
        Files.readString(dir.resolve(AuditSigningKey.PUBLIC_FILE)));
  }

  @Test
  void a_pinned_foreign_public_key_fails_verification_and_readiness() {
    store().platformKeysets().store(AuditSigningKey.NAME, CheckpointSigner.generate());
    CheckpointSigner foreign = new CheckpointSigner(CheckpointSigner.generate());

    AuditSigningKey key = key(Optional.of(foreign.publicKeyset()));

    assertFalse(key.authentic(key.signer().sign(UNSIGNED)), "own signatures fail the pin");
    assertTrue(key.authentic(foreign.sign(UNSIGNED)));
    assertThrows(IllegalStateException.class, key::check);
  }

  @Test
  void a_signing_key_deleted_while_running_takes_readiness_down() throws Exception {
    store().platformKeysets().store(AuditSigningKey.NAME, CheckpointSigner.generate());
    AuditSigningKey key = key(Optional.empty());
    key.check();

    Files.delete(dir.resolve("platform/audit-signing.json"));

    assertThrows(IllegalStateException.class, key::check);
  }
}
