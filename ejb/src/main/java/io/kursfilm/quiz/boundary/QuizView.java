package io.kursfilm.quiz.boundary;

import java.time.Instant;

/**
 * A saved quiz with its right answers and feedback: for its video's trainers and the critics who
 * review it, never for employees (they get {@link QuizForTaking}).
 *
 * @param number the quiz's version on its video
 * @param videoVersion the video version that carries it since this save
 */
public record QuizView(
    String id,
    String videoId,
    int number,
    int videoVersion,
    QuizDefinition definition,
    Instant createdAt) {}
