package io.kursfilm.quiz.control;

import io.kursfilm.quiz.boundary.CountingRule;
import io.kursfilm.quiz.boundary.Option;
import io.kursfilm.quiz.boundary.Question;
import io.kursfilm.quiz.boundary.QuizDefinition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

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

  /** Whether {@code answer} to question {@code index} is right; refuses an impossible answer. */
  public static boolean isRight(int index, Question question, List<Integer> answer) {
    String at = "answers[" + index + "]";
    if (answer == null) {
      throw new IllegalArgumentException(at + ": a list of option indices (empty: unanswered)");
    }
    int options = question.options().size();
    Set<Integer> seen = new HashSet<>();
    for (Integer chosen : answer) {
      if (chosen == null || chosen < 0 || chosen >= options) {
        throw new IllegalArgumentException(at + ": option indices 0 to " + (options - 1));
      }
      if (!seen.add(chosen)) {
        throw new IllegalArgumentException(at + ": an option named twice");
      }
    }
    if (answer.isEmpty()) {
      return false;
    }
    return switch (question.type()) {
      case SINGLE_CHOICE, TRUE_FALSE -> {
        if (answer.size() != 1) {
          throw new IllegalArgumentException(at + ": exactly one option");
        }
        yield question.options().get(answer.get(0)).correct();
      }
      case MULTIPLE_CHOICE -> seen.equals(rightOptions(question));
      case ORDERING -> {
        if (answer.size() != options) {
          throw new IllegalArgumentException(at + ": every option, in the order chosen");
        }
        yield answer.equals(IntStream.range(0, options).boxed().toList());
      }
    };
  }

  private static Set<Integer> rightOptions(Question question) {
    Set<Integer> right = new HashSet<>();
    List<Option> options = question.options();
    for (int i = 0; i < options.size(); i++) {
      if (options.get(i).correct()) {
        right.add(i);
      }
    }
    return right;
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
