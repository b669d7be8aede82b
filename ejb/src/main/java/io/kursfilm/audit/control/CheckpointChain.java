package io.kursfilm.audit.control;

import io.kursfilm.audit.entity.AuditHash;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.function.LongFunction;
import java.util.function.Predicate;

/**
 * Verifies the checkpoints of one audit chain as a chain of their own and finds the newest one to
 * anchor the entries to. Plain logic, fed by {@link ChainVerifier}, so it can be unit-tested
 * without an object store.
 *
 * <p>Deleting checkpoints leaves a gap in their numbers or, at the tail, a newest checkpoint that
 * is too old; replacing the newest breaks its link or its signature; forging one fails its
 * signature. Deleting the whole tail is only visible through time: a chain whose newest checkpoint
 * is older than twice the checkpoint interval while entries exist after it (or that has no
 * checkpoint at all while its first entry is that old) is reported, because the schedule would have
 * anchored those entries by then.
 */
public final class CheckpointChain {

  /**
   * What the checkpoints say.
   *
   * @param newest the newest checkpoint that is intact and linked; {@code null} when none is
   * @param brokenSequence the first entry sequence left without a trustworthy anchor; {@code null}
   *     when the checkpoints are intact
   * @param problem {@code checkpoint_missing}, {@code checkpoint_signature} or {@code
   *     checkpoint_chain}; {@code null} when intact
   */
  public record Verdict(Checkpoint newest, Long brokenSequence, String problem) {}

  /** A failed freshness rule: the first unanchored entry and why. */
  public record Stale(long sequence, String problem) {}

  private CheckpointChain() {}

  /**
   * Checks the checkpoints numbered {@code numbers} (as listed, any order): the numbers must run
   * from 1 without a gap, and the newest must be authentic, belong to {@code chain} and link to its
   * predecessor, which must be authentic too. Only those two are loaded: the newest anchors every
   * entry before it through the hash chain, and the older ones only matter by their presence, so
   * verification costs two reads however long the chain of checkpoints grows. {@code load} returns
   * the checkpoint stored under a number ({@code null} if unreadable); {@code authentic} checks a
   * signature with the signing (or pinned) public key.
   */
  public static Verdict verify(
      String chain,
      Collection<Long> numbers,
      LongFunction<Checkpoint> load,
      Predicate<Checkpoint> authentic) {
    long[] sorted = numbers.stream().mapToLong(Long::longValue).sorted().toArray();
    if (sorted.length == 0) {
      return new Verdict(null, null, null);
    }
    for (int i = 0; i < sorted.length; i++) {
      if (sorted[i] != i + 1) {
        // A gap: the checkpoints below it may still anchor the entries they cover.
        Checkpoint before = i == 0 ? null : valid(chain, i, load, authentic);
        return new Verdict(before, unanchored(before), "checkpoint_missing");
      }
    }
    long n = sorted.length;
    Checkpoint previous = n == 1 ? null : valid(chain, n - 1, load, authentic);
    if (n > 1 && previous == null) {
      return new Verdict(null, 1L, "checkpoint_signature");
    }
    Checkpoint newest = valid(chain, n, load, authentic);
    if (newest == null) {
      return new Verdict(previous, unanchored(previous), "checkpoint_signature");
    }
    String link = previous == null ? AuditHash.GENESIS : previous.digest();
    if (!link.equals(newest.previous())
        || previous != null
            && (newest.sequence() < previous.sequence()
                || newest.time().isBefore(previous.time()))) {
      return new Verdict(previous, unanchored(previous), "checkpoint_chain");
    }
    return new Verdict(newest, null, null);
  }

  /** Checkpoint {@code number} if it is readable, authentic and what its name says; else null. */
  private static Checkpoint valid(
      String chain, long number, LongFunction<Checkpoint> load, Predicate<Checkpoint> authentic) {
    Checkpoint c = load.apply(number);
    return c != null && c.number() == number && chain.equals(c.chain()) && authentic.test(c)
        ? c
        : null;
  }

  private static long unanchored(Checkpoint anchor) {
    return anchor == null ? 1 : anchor.sequence() + 1;
  }

  /**
   * The freshness rule: with {@code lastSequence} entries whose first was written at {@code
   * firstEntry}, the newest checkpoint must not be older than twice {@code interval} while entries
   * exist after it, and a chain whose first entry is that old must have a checkpoint.
   */
  public static Optional<Stale> freshness(
      Checkpoint newest, long lastSequence, Instant firstEntry, Instant now, Duration interval) {
    Instant limit = now.minus(interval.multipliedBy(2));
    if (newest == null) {
      return lastSequence > 0 && firstEntry != null && firstEntry.isBefore(limit)
          ? Optional.of(new Stale(1, "checkpoint_missing"))
          : Optional.empty();
    }
    return lastSequence > newest.sequence() && newest.time().isBefore(limit)
        ? Optional.of(new Stale(newest.sequence() + 1, "checkpoint_stale"))
        : Optional.empty();
  }
}
