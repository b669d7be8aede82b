package io.kursfilm.quiz.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kursfilm.quiz.boundary.CountingRule;
import io.kursfilm.quiz.boundary.Option;
import io.kursfilm.quiz.boundary.Question;
import io.kursfilm.quiz.boundary.QuestionType;
import io.kursfilm.quiz.boundary.QuizDefinition;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuizRulesTest {

  private static final Question OK =
      new Question(
          QuestionType.SINGLE_CHOICE,
          "Where is the exit?",
          List.of(new Option("left", true, "Yes"), new Option("right", false, null)),
          5,
          true);

  @Test
  void a_sound_quiz_passes() {
    assertDoesNotThrow(() -> QuizRules.validate(quiz(List.of(OK), 80, 3), 30L));
  }

  @Test
  void limits_of_a_quiz_are_refused() {
    assertThrows(
        IllegalArgumentException.class, () -> QuizRules.validate(quiz(List.of(), 80, 3), 30L));
    assertThrows(
        IllegalArgumentException.class, () -> QuizRules.validate(quiz(List.of(OK), 101, 3), 30L));
    assertThrows(
        IllegalArgumentException.class, () -> QuizRules.validate(quiz(List.of(OK), -1, 3), 30L));
    assertThrows(
        IllegalArgumentException.class, () -> QuizRules.validate(quiz(List.of(OK), 80, 0), 30L));
    assertThrows(
        IllegalArgumentException.class,
        () -> QuizRules.validate(quiz(List.of(OK), 80, 3), 4L),
        "asked after the end");
  }

  @Test
  void ten_thousand_options_are_refused() {
    Question huge =
        new Question(
            QuestionType.MULTIPLE_CHOICE,
            "Too many",
            Collections.nCopies(10_000, new Option("x", true, null)),
            null,
            false);
    assertThrows(
        IllegalArgumentException.class, () -> QuizRules.validate(quiz(List.of(huge), 80, 3), null));
  }

  @Test
  void a_single_choice_question_has_exactly_one_right_option() {
    Question two =
        new Question(
            QuestionType.SINGLE_CHOICE,
            "Two right",
            List.of(new Option("a", true, null), new Option("b", true, null)),
            null,
            false);
    assertThrows(
        IllegalArgumentException.class, () -> QuizRules.validate(quiz(List.of(two), 80, 3), null));
  }

  @Test
  void control_characters_in_texts_are_refused() {
    Question bad =
        new Question(
            QuestionType.TRUE_FALSE,
            "Evil\u202Etxt",
            List.of(new Option("true", true, null), new Option("false", false, null)),
            null,
            false);
    assertThrows(
        IllegalArgumentException.class, () -> QuizRules.validate(quiz(List.of(bad), 80, 3), null));
  }

  private static QuizDefinition quiz(List<Question> questions, int passMark, int attempts) {
    return new QuizDefinition(questions, passMark, attempts, CountingRule.BEST, true, true);
  }
}
