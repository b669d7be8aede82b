package io.kursfilm.quiz.boundary;

import java.util.List;

/**
 * What a trainer builds: the questions and the rules of taking them. Immutable; a change is a new
 * quiz version. Validated by {@code QuizRules.validate}.
 *
 * @param passMark percent of questions answered right needed to pass (0-100)
 * @param maxAttempts how many attempts an employee has (1-20)
 */
public record QuizDefinition(
    List<Question> questions,
    int passMark,
    int maxAttempts,
    CountingRule counting,
    boolean shuffleQuestions,
    boolean shuffleOptions) {

  public QuizDefinition {
    questions = List.copyOf(questions);
  }
}
