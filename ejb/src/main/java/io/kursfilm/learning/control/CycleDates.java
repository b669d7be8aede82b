package io.kursfilm.learning.control;

import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * The date arithmetic of assignment cycles, pure so it is tested with fixed dates: the first due
 * date of a person who joined a group after the assignment was made, the next due date of a
 * recurring assignment, and which recurrences are accepted.
 */
public final class CycleDates {

  /** Shorter periods would turn mandatory training into a nag; longer ones are never renewed. */
  static final Period SHORTEST = Period.ofMonths(1);

  static final Period LONGEST = Period.ofYears(5);

  private CycleDates() {}

  /**
   * A person's first due date: the assignment's for everybody it was made for; someone who joined
   * one of its groups later gets the same lead time (creation to due date) counted from the day
   * they joined, never an earlier date than the assignment's, so nobody starts out overdue.
   */
  public static LocalDate firstDue(LocalDate assignmentDue, LocalDate created, LocalDate joined) {
    if (joined == null || !joined.isAfter(created)) {
      return assignmentDue;
    }
    long lead = Math.max(0, ChronoUnit.DAYS.between(created, assignmentDue));
    LocalDate own = joined.plusDays(lead);
    return own.isAfter(assignmentDue) ? own : assignmentDue;
  }

  /**
   * The due date of the cycle after one due on {@code due} and completed on {@code completed}: one
   * period later, and further periods on until it lies after the completion, so a late completion
   * never opens a cycle that is already overdue.
   */
  public static LocalDate nextDue(LocalDate due, Period every, LocalDate completed) {
    LocalDate next = due.plus(every);
    while (!next.isAfter(completed)) {
      next = next.plus(every);
    }
    return next;
  }

  /** The day a reminder before the due date is due, {@code daysBefore} days ahead of it. */
  public static boolean remindBefore(LocalDate due, LocalDate today, int daysBefore) {
    return !today.isAfter(due) && !today.isBefore(due.minusDays(daysBefore));
  }

  /**
   * Parses a recurrence: an ISO-8601 period of whole months or years (or weeks/days adding up to at
   * least a month) between one month and five years; null or blank is "not recurring".
   *
   * @throws IllegalArgumentException naming the field, for the client to see
   */
  public static Period recurrence(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    Period period;
    try {
      period = Period.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "recurrence: an ISO-8601 period such as P1Y or P6M expected");
    }
    if (approxDays(period) < approxDays(SHORTEST) || approxDays(period) > approxDays(LONGEST)) {
      throw new IllegalArgumentException("recurrence: between P1M and P5Y");
    }
    return period;
  }

  private static long approxDays(Period p) {
    return p.toTotalMonths() * 30 + p.getDays();
  }
}
