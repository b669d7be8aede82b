package io.kursfilm.audit.control;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * A signed statement "chain {@code chain} had hash {@code hash} at {@code sequence} at {@code
 * time}", kept outside the database (object store). Whoever can rewrite the database cannot move
 * it, because the signing key lives in the key store.
 *
 * @param signature Base64 Ed25519 signature over {@link #signedBytes()}
 */
public record Checkpoint(String chain, long sequence, String hash, Instant time, String signature) {

  /** The bytes the signature covers: a versioned, line-separated encoding of the four facts. */
  public byte[] signedBytes() {
    return ("kursfilm-audit-checkpoint-v1\n" + chain + "\n" + sequence + "\n" + hash + "\n" + time)
        .getBytes(StandardCharsets.UTF_8);
  }

  public Checkpoint withSignature(String signature) {
    return new Checkpoint(chain, sequence, hash, time, signature);
  }
}
