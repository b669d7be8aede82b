package io.kursfilm.audit.control;

import io.kursfilm.audit.entity.AuditEntry;
import io.kursfilm.audit.entity.AuditHash;
import java.time.Instant;

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
  private Instant firstTime;

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
    if (checked == 0) {
      firstTime = entry.occurredAt();
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

  /**
   * The checkpoints themselves are wrong (forged, missing, unlinked or too old): entries from
   * {@code sequence} on have no trustworthy anchor.
   */
  public void checkpointProblem(long sequence, String why) {
    if (broken == null) {
      fail(sequence, why);
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

  /** When the chain's first entry was written; {@code null} before one was accepted. */
  public Instant firstTime() {
    return firstTime;
  }

  public ChainReport report(String chain, Checkpoint newest) {
    return new ChainReport(
        chain,
        broken == null,
        checked,
        broken,
        problem,
        newest == null ? null : newest.sequence(),
        newest == null ? null : newest.number());
  }
}
