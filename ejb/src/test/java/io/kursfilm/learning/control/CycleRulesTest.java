package io.kursfilm.learning.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.kursfilm.learning.control.CycleRules.State;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CycleRulesTest {

  /** A fixed clock: the rules are asked with the day it shows, never the machine's. */
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-04-10T09:00:00Z"), ZoneOffset.UTC);

  private static final LocalDate TODAY = LocalDate.now(CLOCK);
  private static final Instant START = Instant.parse("2026-03-01T08:00:00Z");

  @Test
  void open_until_the_due_date_overdue_from_the_day_after() {
    assertEquals(State.OPEN, CycleRules.state(TODAY.plusDays(1), null, TODAY));
    assertEquals(State.OPEN, CycleRules.state(TODAY, null, TODAY));
    assertEquals(State.OVERDUE, CycleRules.state(TODAY.minusDays(1), null, TODAY));
  }

  @Test
  void completed_stays_completed_even_when_completed_late() {
    assertEquals(State.COMPLETED, CycleRules.state(TODAY.minusDays(30), CLOCK.instant(), TODAY));
  }

  @Test
  void a_course_is_completed_when_every_video_was_completed_after_the_cycle_began() {
    Instant a = Instant.parse("2026-03-02T10:00:00Z");
    Instant b = Instant.parse("2026-03-05T10:00:00Z");
    assertEquals(b, CycleRules.completedAt(List.of("v1", "v2"), Map.of("v1", a, "v2", b), START));
    assertNull(CycleRules.completedAt(List.of("v1", "v2"), Map.of("v1", a), START));
  }

  @Test
  void a_completion_before_the_cycle_began_does_not_count() {
    Instant before = START.minusSeconds(60);
    assertNull(CycleRules.completedAt(List.of("v1"), Map.of("v1", before), START));
    assertNull(CycleRules.completedAt(List.of("v1"), Map.of("v1", START), START));
  }

  @Test
  void a_course_without_videos_is_never_completed() {
    assertNull(CycleRules.completedAt(List.of(), Map.of(), START));
  }
}
