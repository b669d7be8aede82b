package io.kursfilm.learning.boundary;

/** The two reminders of a cycle, each sent once per person. */
public enum ReminderKind {
  /** Some days before the due date ({@code kursfilm.assignments.remind-days-before}). */
  BEFORE,
  /** After the due date passed without completion. */
  OVERDUE
}
