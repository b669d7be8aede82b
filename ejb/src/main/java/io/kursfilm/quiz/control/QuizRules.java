package io.kursfilm.quiz.control;

import io.kursfilm.kernel.FreeText;
import io.kursfilm.quiz.boundary.Option;
import io.kursfilm.quiz.boundary.Question;
import io.kursfilm.quiz.boundary.QuizDefinition;
import java.util.List;

/**
 * The limits of a quiz and of an answer, checked before anything is stored: a bad quiz or a bad
 * answer is a 400 that names the first problem.
 */
public final class QuizRules {

  public static final int MAX_QUESTIONS = 100;
  public static final int MAX_OPTIONS = 20;
  public static final int MAX_ATTEMPTS = 20;
  public static final int MAX_TEXT = 1000;

  private QuizRules() {}

  /** The definition, or an IllegalArgumentException naming what is wrong. */
  public static QuizDefinition validate(QuizDefinition quiz, Long videoSeconds) {
    if (quiz.questions().isEmpty() || quiz.questions().size() > MAX_QUESTIONS) {
      throw new IllegalArgumentException("questions: 1 to " + MAX_QUESTIONS);
    }
    if (quiz.passMark() < 0 || quiz.passMark() > 100) {
      throw new IllegalArgumentException("passMark: 0 to 100");
    }
    if (quiz.maxAttempts() < 1 || quiz.maxAttempts() > MAX_ATTEMPTS) {
      throw new IllegalArgumentException("maxAttempts: 1 to " + MAX_ATTEMPTS);
    }
    if (quiz.counting() == null) {
      throw new IllegalArgumentException("counting: BEST, LAST or FIRST");
    }
    for (int i = 0; i < quiz.questions().size(); i++) {
      question("questions[" + i + "]", quiz.questions().get(i), videoSeconds);
    }
    return quiz;
  }

  private static void question(String at, Question q, Long videoSeconds) {
    if (q.type() == null) {
      throw new IllegalArgumentException(at + ".type: required");
    }
    text(at + ".text", q.text(), true);
    List<Option> options = q.options();
    if (options.size() < 2 || options.size() > MAX_OPTIONS) {
      throw new IllegalArgumentException(at + ".options: 2 to " + MAX_OPTIONS);
    }
    for (int i = 0; i < options.size(); i++) {
      text(at + ".options[" + i + "].text", options.get(i).text(), true);
      text(at + ".options[" + i + "].feedback", options.get(i).feedback(), false);
    }
    long right = options.stream().filter(Option::correct).count();
    switch (q.type()) {
      case SINGLE_CHOICE -> require(right == 1, at + ": exactly one option must be right");
      case TRUE_FALSE -> {
        require(options.size() == 2, at + ": true/false has exactly two options");
        require(right == 1, at + ": exactly one option must be right");
      }
      case MULTIPLE_CHOICE -> require(right >= 1, at + ": at least one option must be right");
      case ORDERING -> {}
    }
    if (q.atSecond() != null) {
      require(
          q.atSecond() >= 0 && (videoSeconds == null || q.atSecond() <= videoSeconds),
          at + ".atSecond: within the video");
    }
    require(!q.mandatory() || q.inVideo(), at + ".mandatory: only for in-video questions");
  }

  private static void text(String at, String value, boolean required) {
    if (value == null || value.isBlank()) {
      require(!required, at + ": required");
      return;
    }
    require(value.length() <= MAX_TEXT, at + ": at most " + MAX_TEXT + " characters");
    FreeText.multiLine(at, value);
  }

  private static void require(boolean ok, String problem) {
    if (!ok) {
      throw new IllegalArgumentException(problem);
    }
  }
}
