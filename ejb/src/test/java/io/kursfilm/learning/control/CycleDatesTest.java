package io.kursfilm.learning.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.Period;
import org.junit.jupiter.api.Test;

class CycleDatesTest {

  private static final LocalDate CREATED = LocalDate.of(2026, 3, 1);
  private static final LocalDate DUE = LocalDate.of(2026, 3, 31);

  @Test
  void people_named_at_creation_get_the_assignments_due_date() {
    assertEquals(DUE, CycleDates.firstDue(DUE, CREATED, null));
    assertEquals(DUE, CycleDates.firstDue(DUE, CREATED, CREATED));
    assertEquals(DUE, CycleDates.firstDue(DUE, CREATED, CREATED.minusDays(10)));
  }

  @Test
  void a_later_group_member_gets_the_same_lead_time_from_the_day_they_joined() {
    assertEquals(
        LocalDate.of(2026, 5, 1), CycleDates.firstDue(DUE, CREATED, LocalDate.of(2026, 4, 1)));
  }

  @Test
  void a_later_member_never_gets_an_earlier_date_than_the_assignment() {
    assertFalse(CycleDates.firstDue(DUE, CREATED, CREATED.plusDays(1)).isBefore(DUE));
  }

  @Test
  void the_next_cycle_is_due_one_period_after_the_last_due_date() {
    assertEquals(
        LocalDate.of(2027, 3, 31),
        CycleDates.nextDue(DUE, Period.ofYears(1), LocalDate.of(2026, 3, 15)));
  }

  @Test
  void a_late_completion_never_opens_a_cycle_that_is_already_overdue() {
    assertEquals(
        LocalDate.of(2028, 3, 31),
        CycleDates.nextDue(DUE, Period.ofYears(1), LocalDate.of(2027, 6, 1)));
    assertEquals(
        LocalDate.of(2026, 6, 30),
        CycleDates.nextDue(
            LocalDate.of(2026, 3, 31), Period.ofMonths(3), LocalDate.of(2026, 3, 31)));
  }

  @Test
  void month_ends_stay_valid_dates() {
    assertEquals(
        LocalDate.of(2027, 2, 28),
        CycleDates.nextDue(LocalDate.of(2026, 2, 28), Period.ofYears(1), LocalDate.of(2026, 1, 1)));
    assertEquals(
        LocalDate.of(2028, 2, 29),
        CycleDates.nextDue(
            LocalDate.of(2028, 1, 31), Period.ofMonths(1), LocalDate.of(2028, 1, 1)));
  }

  @Test
  void the_reminder_before_is_due_from_n_days_ahead_until_the_due_date() {
    assertFalse(CycleDates.remindBefore(DUE, DUE.minusDays(4), 3));
    assertTrue(CycleDates.remindBefore(DUE, DUE.minusDays(3), 3));
    assertTrue(CycleDates.remindBefore(DUE, DUE, 3));
    assertFalse(CycleDates.remindBefore(DUE, DUE.plusDays(1), 3));
  }

  @Test
  void recurrences_are_iso_periods_between_a_month_and_five_years() {
    assertNull(CycleDates.recurrence(null));
    assertNull(CycleDates.recurrence(" "));
    assertEquals(Period.ofYears(1), CycleDates.recurrence("P1Y"));
    assertEquals(Period.ofMonths(6), CycleDates.recurrence("P6M"));
    assertThrows(IllegalArgumentException.class, () -> CycleDates.recurrence("P1D"));
    assertThrows(IllegalArgumentException.class, () -> CycleDates.recurrence("P6Y"));
    assertThrows(IllegalArgumentException.class, () -> CycleDates.recurrence("yearly"));
    assertThrows(IllegalArgumentException.class, () -> CycleDates.recurrence("-P1Y"));
  }
}
