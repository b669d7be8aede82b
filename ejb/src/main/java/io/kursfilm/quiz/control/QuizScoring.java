package io.kursfilm.quiz.control;

import io.kursfilm.quiz.boundary.CountingRule;
import io.kursfilm.quiz.boundary.Option;
import io.kursfilm.quiz.boundary.Question;
import io.kursfilm.quiz.boundary.QuizDefinition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Scores answers on the server, the only place that knows which options are right. An answer names
 * option indices in the quiz's stored order; an empty answer is an unanswered question (wrong).
 * Answers that cannot be meant (indices that do not exist, twice the same option, two options for a
 * single-choice question, an incomplete ordering) are refused, not scored.
 */
public final class QuizScoring {

  /** The outcome of one attempt: percent of questions right, passed, and which were right. */
  public record Score(int percent, boolean passed, List<Boolean> right) {}

  /** An attempt's number and score, for picking the one that counts. */
  public record Scored(int number, int percent) {}

  private QuizScoring() {}

  public static Score score(QuizDefinition quiz, List<List<Integer>> answers) {
    List<Question> questions = quiz.questions();
    if (answers == null || answers.size() != questions.size()) {
      throw new IllegalArgumentException(
          "answers: one list of option indices per question (" + questions.size() + ")");
    }
    List<Boolean> right = new ArrayList<>();
    for (int i = 0; i < questions.size(); i++) {
      right.add(isRight(i, questions.get(i), answers.get(i)));
    }
    int percent = (int) (right.stream().filter(r -> r).count() * 100 / questions.size());
    return new Score(percent, percent >= quiz.passMark(), List.copyOf(right));
  }

  /**
   * Whether {@code answer} to question {@code index} is right; refuses an impossible answer. Called
   * for every question of every counting attempt when results are read, so it allocates next to
   * nothing (messages only when refusing).
   */
  public static boolean isRight(int index, Question question, List<Integer> answer) {
    if (answer == null) {
      throw refused(index, "a list of option indices (empty: unanswered)");
    }
    int options = question.options().size();
    boolean[] chosen = new boolean[options];
    for (Integer option : answer) {
      if (option == null || option < 0 || option >= options) {
        throw refused(index, "option indices 0 to " + (options - 1));
      }
      if (chosen[option]) {
        throw refused(index, "an option named twice");
      }
      chosen[option] = true;
    }
    if (answer.isEmpty()) {
      return false;
    }
    return switch (question.type()) {
      case SINGLE_CHOICE, TRUE_FALSE -> {
        if (answer.size() != 1) {
          throw refused(index, "exactly one option");
        }
        yield question.options().get(answer.get(0)).correct();
      }
      case MULTIPLE_CHOICE -> exactlyTheRightOptions(question, chosen);
      case ORDERING -> {
        if (answer.size() != options) {
          throw refused(index, "every option, in the order chosen");
        }
        yield inStoredOrder(answer);
      }
    };
  }

  private static IllegalArgumentException refused(int index, String why) {
    return new IllegalArgumentException("answers[" + index + "]: " + why);
  }

  private static boolean exactlyTheRightOptions(Question question, boolean[] chosen) {
    List<Option> options = question.options();
    for (int i = 0; i < chosen.length; i++) {
      if (chosen[i] != options.get(i).correct()) {
        return false;
      }
    }
    return true;
  }

  private static boolean inStoredOrder(List<Integer> answer) {
    for (int i = 0; i < answer.size(); i++) {
      if (answer.get(i) != i) {
        return false;
      }
    }
    return true;
  }

  /** The attempt that is the employee's result under {@code rule}; empty without attempts. */
  public static Optional<Scored> counting(CountingRule rule, List<Scored> attempts) {
    Comparator<Scored> byNumber = Comparator.comparingInt(Scored::number);
    return switch (rule) {
      case FIRST -> attempts.stream().min(byNumber);
      case LAST -> attempts.stream().max(byNumber);
      // The best score; of equal ones the earliest, which reached it first.
      case BEST ->
          attempts.stream()
              .max(Comparator.comparingInt(Scored::percent).thenComparing(byNumber.reversed()));
    };
  }
}
