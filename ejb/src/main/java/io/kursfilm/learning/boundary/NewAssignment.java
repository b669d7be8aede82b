package io.kursfilm.learning.boundary;

import java.util.List;

/**
 * What to assign to whom by when: one of {@code videoId} and {@code courseId}; people and/or
 * groups; {@code dueDate} as YYYY-MM-DD; {@code recurrence} an ISO period (P1Y) or null.
 */
public record NewAssignment(
    String videoId,
    String courseId,
    List<String> userIds,
    List<String> groupIds,
    String dueDate,
    String recurrence) {}
