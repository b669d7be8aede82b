package io.kursfilm.learning.boundary;

import java.time.LocalDate;
import java.util.List;

/**
 * The reminders one pass recorded in one tenant, fired inside its transaction and mailed only after
 * it commits ({@code ReminderMails}).
 */
public record RemindersDue(String tenantId, List<Reminder> reminders) {

  /** One reminder to one person. */
  public record Reminder(
      String userId,
      ReminderKind kind,
      String title,
      LocalDate due,
      String videoId,
      String courseId) {}
}
