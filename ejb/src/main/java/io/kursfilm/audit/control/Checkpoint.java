package io.kursfilm.audit.control;

import io.kursfilm.audit.entity.AuditHash;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * A signed statement "chain {@code chain} had hash {@code hash} at {@code sequence} at {@code
 * time}, and this is its checkpoint number {@code number}, following the checkpoint whose digest is
 * {@code previous}", kept outside the database (object store). The checkpoints of a chain form a
 * chain of their own, so one that is deleted or rolled back leaves a gap or a dangling link;
 * whoever can rewrite the database and the object store still cannot forge one, because the signing
 * key lives in the key store.
 *
 * @param number 1 for a chain's first checkpoint, then one more for each
 * @param previous {@link #digest()} of checkpoint {@code number - 1}; {@link AuditHash#GENESIS} for
 *     the first
 * @param signature Base64 Ed25519 signature over {@link #signedBytes()}
 */
public record Checkpoint(
    String chain,
    long number,
    long sequence,
    String hash,
    Instant time,
    String previous,
    String signature) {

  /** The bytes the signature covers: a versioned, line-separated encoding of every fact. */
  public byte[] signedBytes() {
    return String.join(
            "\n",
            "kursfilm-audit-checkpoint-v2",
            chain,
            Long.toString(number),
            Long.toString(sequence),
            hash,
            time.toString(),
            previous)
        .getBytes(StandardCharsets.UTF_8);
  }

  /** What the next checkpoint names as {@code previous}: SHA-256 of the signed bytes, hex. */
  public String digest() {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(signedBytes()));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from the JDK", e);
    }
  }

  /** The unsigned checkpoint that follows {@code previous} (none: the chain's first). */
  public static Checkpoint next(
      Checkpoint previous, String chain, long sequence, String hash, Instant time) {
    return previous == null
        ? new Checkpoint(chain, 1, sequence, hash, time, AuditHash.GENESIS, null)
        : new Checkpoint(
            chain, previous.number() + 1, sequence, hash, time, previous.digest(), null);
  }

  public Checkpoint withSignature(String signature) {
    return new Checkpoint(chain, number, sequence, hash, time, previous, signature);
  }
}
