package io.kursfilm.audit.control;

import io.kursfilm.audit.entity.AuditEntry;
import io.kursfilm.audit.entity.AuditHash;

/**
 * Walks one chain in sequence order and stops at the first broken link. Catches an edited entry
 * (its hash no longer matches its content), a deleted one (a gap in the sequence and a dangling
 * previous hash), an inserted one (a duplicate sequence or a link that does not fit) and reordered
 * ones (an entry whose hash was made for another position). Plain logic, fed by {@link
 * ChainVerifier}, so it can be unit-tested without a database.
 */
public class ChainWalk {

  private long expected = 1;
  private String previousHash = AuditHash.GENESIS;
  private long checked;
  private Long broken;
  private String problem;

  /** Feeds the next entry in sequence order; returns false once the chain is broken. */
  public boolean accept(AuditEntry entry) {
    if (broken != null) {
      return false;
    }
    if (entry.sequence() != expected) {
      return fail(expected, entry.sequence() > expected ? "missing_entry" : "duplicate_entry");
    }
    if (!entry.previousHash().equals(previousHash)) {
      return fail(expected, "broken_link");
    }
    if (!entry.computeHash().equals(entry.hash())) {
      return fail(expected, "altered_entry");
    }
    checked++;
    previousHash = entry.hash();
    expected++;
    return true;
  }

  /**
   * Compares the walked chain with its head row: a head ahead of the entries means the tail was cut
   * off (unless the head was rewritten too, which the signed checkpoint catches).
   */
  public void head(long lastSequence, String lastHash) {
    long walked = expected - 1;
    if (broken == null && lastSequence != walked) {
      // Head ahead: the tail is missing; head behind: entries were added past it.
      fail(Math.min(lastSequence, walked) + 1, "head_mismatch");
    } else if (broken == null && !lastHash.equals(previousHash)) {
      fail(walked, "head_mismatch");
    }
  }

  /**
   * Compares the chain with a signed checkpoint: the entry at its sequence must still exist and
   * carry its hash. {@code hashAtSequence} is {@code null} when that entry is gone.
   */
  public void checkpoint(long sequence, String signedHash, String hashAtSequence) {
    if (broken == null && !signedHash.equals(hashAtSequence)) {
      fail(hashAtSequence == null ? Math.min(sequence, expected) : sequence, "checkpoint_mismatch");
    }
  }

  /** A checkpoint whose signature does not verify: the anchor itself was tampered with. */
  public void badCheckpoint(long sequence) {
    if (broken == null) {
      fail(sequence, "checkpoint_signature");
    }
  }

  private boolean fail(long sequence, String why) {
    broken = sequence;
    problem = why;
    return false;
  }

  public long lastSequence() {
    return expected - 1;
  }

  public String lastHash() {
    return previousHash;
  }

  public ChainReport report(String chain, Long checkpointSequence) {
    return new ChainReport(chain, broken == null, checked, broken, problem, checkpointSequence);
  }
}
