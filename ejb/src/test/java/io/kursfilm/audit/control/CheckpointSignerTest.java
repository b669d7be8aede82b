package io.kursfilm.audit.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kursfilm.audit.entity.AuditHash;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class CheckpointSignerTest {

  private static final Checkpoint UNSIGNED =
      new Checkpoint(
          "t", 3, 7, "ab".repeat(32), Instant.parse("2026-01-01T00:00:00Z"), "cd".repeat(32), null);

  @Test
  void signed_checkpoint_verifies_and_any_change_breaks_it() {
    CheckpointSigner signer = new CheckpointSigner(CheckpointSigner.generate());
    Checkpoint signed = signer.sign(UNSIGNED);

    assertTrue(signer.verify(signed));
    String sig = signed.signature();
    assertFalse(
        signer.verify(
            new Checkpoint("t", 3, 6, signed.hash(), signed.time(), signed.previous(), sig)));
    assertFalse(
        signer.verify(
            new Checkpoint("u", 3, 7, signed.hash(), signed.time(), signed.previous(), sig)));
    assertFalse(
        signer.verify(
            new Checkpoint("t", 2, 7, signed.hash(), signed.time(), signed.previous(), sig)),
        "the number is signed");
    assertFalse(
        signer.verify(
            new Checkpoint("t", 3, 7, signed.hash(), signed.time(), AuditHash.GENESIS, sig)),
        "the link to the previous checkpoint is signed");
    assertFalse(signer.verify(signed.withSignature("AAAA")));
    assertFalse(signer.verify(signed.withSignature(null)));
  }

  @Test
  void a_pinned_public_key_accepts_its_own_signatures_and_refuses_a_foreign_key() {
    CheckpointSigner own = new CheckpointSigner(CheckpointSigner.generate());
    CheckpointSigner foreign = new CheckpointSigner(CheckpointSigner.generate());
    String pin =
        Base64.getEncoder().encodeToString(own.publicKeyset().getBytes(StandardCharsets.UTF_8));

    Predicate<Checkpoint> pinned = CheckpointSigner.verifierOf(pin);

    assertTrue(pinned.test(own.sign(UNSIGNED)));
    assertTrue(CheckpointSigner.verifierOf(own.publicKeyset()).test(own.sign(UNSIGNED)));
    assertFalse(pinned.test(foreign.sign(UNSIGNED)), "signed by another key");
    assertThrows(IllegalArgumentException.class, () -> CheckpointSigner.verifierOf("bm9wZQ=="));
  }

  @Test
  void plain_signatures_of_a_stored_keyset_verify_as_certificates_with_the_jdk() throws Exception {
    String stored =
        com.google.crypto.tink.TinkJsonProtoKeysetFormat.serializeKeyset(
            CheckpointSigner.generate(), com.google.crypto.tink.InsecureSecretKeyAccess.get());
    CheckpointSigner signer =
        new CheckpointSigner(
            com.google.crypto.tink.TinkJsonProtoKeysetFormat.parseKeyset(
                stored, com.google.crypto.tink.InsecureSecretKeyAccess.get()));
    java.util.Map<String, Object> certificate = java.util.Map.of("certificateId", "c", "n", 1L);
    byte[] signature =
        signer.signPlain(io.kursfilm.storage.shred.CertificateVerifier.signedBytes(certificate));
    String document =
        io.kursfilm.storage.shred.CertificateVerifier.canonical(
            java.util.Map.of(
                "certificate",
                certificate,
                "signature",
                java.util.Map.of(
                    "algorithm",
                    "Ed25519",
                    "publicKey",
                    Base64.getEncoder().encodeToString(signer.publicKeySpki()),
                    "value",
                    Base64.getEncoder().encodeToString(signature))));
    assertTrue(
        io.kursfilm.storage.shred.CertificateVerifier.verify(document, signer.publicKeyset())
            .startsWith("VALID"));
    assertFalse(
        io.kursfilm.storage.shred.CertificateVerifier.verify(
                document.replace("\"n\":1", "\"n\":2"), signer.publicKeyset())
            .startsWith("VALID"));
  }
}
