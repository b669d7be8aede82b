package io.kursfilm.audit.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CheckpointChainTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final Duration HOUR = Duration.ofHours(1);

  private final CheckpointSigner signer = new CheckpointSigner(CheckpointSigner.generate());
  private final Map<Long, Checkpoint> stored = new HashMap<>();

  /** Checkpoints 1..n an hour apart, anchoring sequences 10, 20, ... */
  private List<Checkpoint> chain(int n) {
    List<Checkpoint> list = new ArrayList<>();
    Checkpoint previous = null;
    for (int i = 1; i <= n; i++) {
      Checkpoint c =
          signer.sign(
              Checkpoint.next(previous, "t", i * 10L, "h" + i, T0.plus(HOUR.multipliedBy(i))));
      stored.put(c.number(), c);
      list.add(c);
      previous = c;
    }
    return list;
  }

  private CheckpointChain.Verdict verify() {
    return CheckpointChain.verify("t", stored.keySet(), stored::get, signer::verify);
  }

  @Test
  void an_intact_chain_of_checkpoints_yields_its_newest() {
    List<Checkpoint> c = chain(4);
    CheckpointChain.Verdict v = verify();
    assertNull(v.problem());
    assertEquals(c.get(3), v.newest());
  }

  @Test
  void no_checkpoints_are_no_problem_by_themselves() {
    CheckpointChain.Verdict v = verify();
    assertNull(v.problem());
    assertNull(v.newest());
  }

  @Test
  void a_deleted_checkpoint_in_the_middle_is_a_gap() {
    chain(4);
    stored.remove(2L);
    CheckpointChain.Verdict v = verify();
    assertEquals("checkpoint_missing", v.problem());
    assertEquals(11L, v.brokenSequence(), "entries after checkpoint 1 lost their anchor");
    assertEquals(1L, v.newest().number());
  }

  @Test
  void a_deleted_first_checkpoint_is_a_gap() {
    chain(3);
    stored.remove(1L);
    assertEquals("checkpoint_missing", verify().problem());
    assertEquals(1L, verify().brokenSequence());
  }

  @Test
  void a_newest_checkpoint_replaced_by_an_older_one_breaks_the_chain() {
    List<Checkpoint> c = chain(3);
    stored.put(3L, c.get(1)); // an authentic checkpoint, but number 2, stored as 3
    assertEquals("checkpoint_signature", verify().problem());
  }

  @Test
  void a_newest_checkpoint_not_linked_to_its_predecessor_is_refused() {
    chain(2);
    Checkpoint unlinked =
        signer.sign(new Checkpoint("t", 3, 30, "h3", T0.plus(HOUR.multipliedBy(3)), "00", null));
    stored.put(3L, unlinked);
    CheckpointChain.Verdict v = verify();
    assertEquals("checkpoint_chain", v.problem());
    assertEquals(21L, v.brokenSequence());
  }

  @Test
  void a_forged_or_foreign_or_malformed_newest_checkpoint_is_refused() {
    List<Checkpoint> c = chain(2);
    CheckpointSigner other = new CheckpointSigner(CheckpointSigner.generate());
    stored.put(2L, other.sign(c.get(1).withSignature(null)));
    assertEquals("checkpoint_signature", verify().problem());
    stored.put(2L, null); // unreadable
    assertEquals("checkpoint_signature", verify().problem());
    stored.put(2L, c.get(1));
    assertNull(verify().problem());
    assertEquals(
        "checkpoint_signature",
        CheckpointChain.verify("u", stored.keySet(), stored::get, signer::verify).problem(),
        "another chain's checkpoints");
  }

  @Test
  void a_rolled_back_newest_checkpoint_is_stale_once_twice_the_interval_passed() {
    List<Checkpoint> c = chain(3);
    stored.remove(3L); // rolled back to checkpoint 2 (sequence 20), entries up to 30 remain
    Checkpoint newest = verify().newest();
    assertEquals(c.get(1), newest);
    Instant twoIntervalsAfter = newest.time().plus(HOUR.multipliedBy(2));

    assertTrue(CheckpointChain.freshness(newest, 30, T0, twoIntervalsAfter, HOUR).isEmpty());
    CheckpointChain.Stale stale =
        CheckpointChain.freshness(newest, 30, T0, twoIntervalsAfter.plusSeconds(1), HOUR)
            .orElseThrow();
    assertEquals("checkpoint_stale", stale.problem());
    assertEquals(21, stale.sequence());
    assertTrue(
        CheckpointChain.freshness(newest, 20, T0, twoIntervalsAfter.plusSeconds(1), HOUR).isEmpty(),
        "an old checkpoint is fine while nothing was written after it");
  }

  @Test
  void no_checkpoint_at_all_while_entries_are_older_than_twice_the_interval_is_missing() {
    Instant firstEntry = T0;
    assertTrue(
        CheckpointChain.freshness(null, 5, firstEntry, T0.plus(HOUR.multipliedBy(2)), HOUR)
            .isEmpty());
    CheckpointChain.Stale missing =
        CheckpointChain.freshness(null, 5, firstEntry, T0.plus(Duration.ofMinutes(121)), HOUR)
            .orElseThrow();
    assertEquals("checkpoint_missing", missing.problem());
    assertEquals(1, missing.sequence());
    assertTrue(
        CheckpointChain.freshness(null, 0, null, T0.plus(HOUR.multipliedBy(9)), HOUR).isEmpty());
  }
}
