package io.kursfilm.learning.control;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;

/**
 * When a cycle counts as completed and which state a person's assignment is in: pure functions of
 * the completions read for the person, so they are tested without a database.
 */
public final class CycleRules {

  /** What a person sees of an assignment's current cycle. */
  public enum State {
    OPEN,
    COMPLETED,
    OVERDUE
  }

  private CycleRules() {}

  /**
   * The moment the cycle started at {@code start} was completed: when every video of the subject
   * has a completion after the start, the latest of those; null while one is missing (and always
   * for a course without videos).
   *
   * @param latest the person's latest completion per video id
   */
  public static Instant completedAt(
      Collection<String> videoIds, Map<String, Instant> latest, Instant start) {
    if (videoIds.isEmpty()) {
      return null;
    }
    Instant last = null;
    for (String videoId : videoIds) {
      Instant done = latest.get(videoId);
      if (done == null || !done.isAfter(start)) {
        return null;
      }
      if (last == null || done.isAfter(last)) {
        last = done;
      }
    }
    return last;
  }

  /** Completed when it was; overdue from the day after the due date; open before. */
  public static State state(LocalDate due, Instant completedAt, LocalDate today) {
    if (completedAt != null) {
      return State.COMPLETED;
    }
    return today.isAfter(due) ? State.OVERDUE : State.OPEN;
  }
}
