package io.kursfilm.quiz.boundary;

import java.time.Instant;

/**
 * One saved version of a video's quiz, without its questions: for picking whose results to show.
 *
 * @param published whether it is the quiz employees take now (the published video version's)
 */
public record QuizVersion(String id, int number, Instant createdAt, boolean published) {}
