package io.kursfilm.audit.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointSignerTest {

  @TempDir Path keys;

  @Test
  void signed_checkpoint_verifies_and_any_change_breaks_it() {
    CheckpointSigner signer = new CheckpointSigner(keys);
    Checkpoint signed =
        signer.sign(
            new Checkpoint("t", 7, "ab".repeat(32), Instant.parse("2026-01-01T00:00:00Z"), null));

    assertTrue(signer.verify(signed));
    assertFalse(
        signer.verify(new Checkpoint("t", 6, signed.hash(), signed.time(), signed.signature())));
    assertFalse(
        signer.verify(new Checkpoint("u", 7, signed.hash(), signed.time(), signed.signature())));
    assertFalse(signer.verify(signed.withSignature("AAAA")));
    assertFalse(signer.verify(signed.withSignature(null)));
  }

  @Test
  void keyset_is_created_once_and_reused() {
    Checkpoint signed =
        new CheckpointSigner(keys)
            .sign(new Checkpoint("t", 1, "00".repeat(32), Instant.EPOCH, null));
    assertTrue(Files.exists(keys.resolve(CheckpointSigner.KEYSET_FILE)));
    assertTrue(Files.exists(keys.resolve(CheckpointSigner.PUBLIC_FILE)));
    assertTrue(new CheckpointSigner(keys).verify(signed), "same key after a restart");
  }
}
