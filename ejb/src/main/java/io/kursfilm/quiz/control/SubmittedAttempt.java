package io.kursfilm.quiz.control;

import java.time.Instant;

/**
 * A submitted attempt as the results read it: who, which number, the outcome (opened from its
 * sealed column) and when, with its answers still sealed. Read without loading the entity, so the
 * thousands of attempts of a quiz cost one small decryption each (the outcome) and no change
 * tracking; only the answers of the attempts that count are opened ({@link QuizStore#answers()}).
 */
public record SubmittedAttempt(
    String id,
    String userId,
    int number,
    int score,
    boolean passed,
    Instant submittedAt,
    String answersSealed) {}
