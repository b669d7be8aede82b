package io.kursfilm.quiz.control;

import io.kursfilm.quiz.boundary.CountingRule;
import io.kursfilm.quiz.boundary.QuizStatus;
import java.util.List;

/**
 * Where an employee stands with a quiz, from their attempts: an open attempt is in progress, else
 * the attempt that counts under the quiz's rule decides passed or failed.
 */
public final class QuizProgress {

  /** One attempt as the status needs it; {@code score} is null while it is open. */
  public record Attempt(int number, Integer score, boolean submitted) {}

  private QuizProgress() {}

  public static QuizStatus status(
      CountingRule rule, int passMark, List<QuizProgress.Attempt> attempts) {
    if (attempts.stream().anyMatch(a -> !a.submitted())) {
      return QuizStatus.IN_PROGRESS;
    }
    List<QuizScoring.Scored> scored =
        attempts.stream()
            .map(a -> new QuizScoring.Scored(a.number(), a.score() == null ? 0 : a.score()))
            .toList();
    return QuizScoring.counting(rule, scored)
        .map(s -> s.percent() >= passMark ? QuizStatus.PASSED : QuizStatus.FAILED)
        .orElse(QuizStatus.NOT_STARTED);
  }
}
