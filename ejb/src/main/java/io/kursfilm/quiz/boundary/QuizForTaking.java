package io.kursfilm.quiz.boundary;

import java.util.List;

/**
 * A quiz as an employee sees it before answering: questions and option texts, in the order of their
 * attempt, never which option is right and never feedback.
 *
 * @param attemptsUsed submitted attempts so far
 * @param openAttempt the attempt to resume, if one is open
 */
public record QuizForTaking(
    String id,
    String videoId,
    int passMark,
    int maxAttempts,
    String counting,
    int attemptsUsed,
    List<Item> questions,
    AttemptView openAttempt) {

  /** A question; {@code index} is its place in the stored quiz, which answers refer to. */
  public record Item(
      int index,
      String type,
      String text,
      Integer atSecond,
      boolean mandatory,
      List<Choice> options) {}

  /** An option; answers name it by {@code index}. */
  public record Choice(int index, String text) {}
}
