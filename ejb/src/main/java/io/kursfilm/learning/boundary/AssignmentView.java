package io.kursfilm.learning.boundary;

/**
 * One person's current cycle of one assignment (docs/api.md). {@code userId} and {@code userName}
 * are set in the lists of trainers and tenant admins only; null fields are left out of the JSON.
 *
 * @param state OPEN, COMPLETED or OVERDUE
 * @param cycle the number of the cycle (a recurring assignment counts up)
 */
public record AssignmentView(
    String id,
    String videoId,
    String courseId,
    String title,
    String dueDate,
    String state,
    String completedAt,
    String recurrence,
    int cycle,
    String userId,
    String userName) {

  public boolean isOverdue() {
    return "OVERDUE".equals(state);
  }

  public boolean isCompleted() {
    return "COMPLETED".equals(state);
  }
}
