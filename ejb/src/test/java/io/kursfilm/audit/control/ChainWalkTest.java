package io.kursfilm.audit.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kursfilm.audit.boundary.Action;
import io.kursfilm.audit.boundary.AuditEvent;
import io.kursfilm.audit.entity.AuditEntry;
import io.kursfilm.audit.entity.AuditHash;
import java.lang.reflect.Field;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChainWalkTest {

  private static List<AuditEntry> chain(int n) {
    List<AuditEntry> entries = new ArrayList<>();
    String prev = AuditHash.GENESIS;
    for (int i = 1; i <= n; i++) {
      AuditEntry e =
          new AuditEntry(
              AuditEvent.of(Action.LOGIN).detail("i", i),
              "t",
              "u",
              i,
              prev,
              Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i));
      entries.add(e);
      prev = e.hash();
    }
    return entries;
  }

  private static ChainReport walk(List<AuditEntry> entries) {
    ChainWalk walk = new ChainWalk();
    for (AuditEntry e : entries) {
      if (!walk.accept(e)) {
        break;
      }
    }
    return walk.report("t", null);
  }

  private static void set(AuditEntry e, String field, Object value) throws Exception {
    Field f = AuditEntry.class.getDeclaredField(field);
    f.setAccessible(true);
    f.set(e, value);
  }

  @Test
  void intact_chain_is_valid() {
    ChainReport r = walk(chain(5));
    assertTrue(r.valid());
    assertEquals(5, r.checked());
  }

  @Test
  void edited_entry_is_the_first_broken() throws Exception {
    List<AuditEntry> c = chain(5);
    set(c.get(2), "action", "LOGOUT");
    ChainReport r = walk(c);
    assertFalse(r.valid());
    assertEquals(3L, r.firstBrokenSequence());
    assertEquals("altered_entry", r.problem());
  }

  @Test
  void deleted_entry_is_reported_by_its_sequence() {
    List<AuditEntry> c = chain(5);
    c.remove(1);
    assertEquals(2L, walk(c).firstBrokenSequence());
  }

  @Test
  void swapped_sequences_are_detected() throws Exception {
    List<AuditEntry> c = chain(5);
    set(c.get(1), "sequence", 3L);
    set(c.get(2), "sequence", 2L);
    List<AuditEntry> ordered = new ArrayList<>(List.of(c.get(0), c.get(2), c.get(1), c.get(3)));
    assertEquals(2L, walk(ordered).firstBrokenSequence());
  }

  @Test
  void truncated_tail_is_caught_by_the_head_and_by_the_checkpoint() {
    List<AuditEntry> c = chain(5);
    ChainWalk walk = new ChainWalk();
    c.subList(0, 3).forEach(walk::accept);
    walk.head(3, c.get(2).hash()); // head rewritten to match: consistent by itself
    assertTrue(walk.report("t", null).valid());
    walk.checkpoint(5, c.get(4).hash(), null);
    ChainReport r = walk.report("t", null);
    assertFalse(r.valid());
    assertEquals(4L, r.firstBrokenSequence());
    assertEquals("checkpoint_mismatch", r.problem());

    ChainWalk headOnly = new ChainWalk();
    c.subList(0, 3).forEach(headOnly::accept);
    headOnly.head(5, c.get(4).hash());
    assertEquals(4L, headOnly.report("t", null).firstBrokenSequence());
  }
}
