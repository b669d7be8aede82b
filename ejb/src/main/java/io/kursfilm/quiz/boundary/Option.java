package io.kursfilm.quiz.boundary;

/**
 * One answer option. {@code correct} and {@code feedback} never reach an employee before the
 * question is answered. For an ordering question the options are stored in their right order and
 * {@code correct} is unused.
 */
public record Option(String text, boolean correct, String feedback) {}
