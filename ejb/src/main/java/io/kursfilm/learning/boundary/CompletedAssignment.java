package io.kursfilm.learning.boundary;

import java.time.Instant;

/**
 * One completed cycle of one person's assignment: what a certificate of completion is issued for.
 * {@code cycleId} is stable for the cycle ({@code assignmentId:userId:number}).
 *
 * @param subjectKind VIDEO or COURSE
 */
public record CompletedAssignment(
    String assignmentId,
    String cycleId,
    int cycle,
    String userId,
    String subjectKind,
    String subjectId,
    String subjectTitle,
    Instant completedAt) {}
