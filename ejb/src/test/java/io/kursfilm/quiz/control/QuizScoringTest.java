package io.kursfilm.quiz.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kursfilm.quiz.boundary.CountingRule;
import io.kursfilm.quiz.boundary.Option;
import io.kursfilm.quiz.boundary.Question;
import io.kursfilm.quiz.boundary.QuestionType;
import io.kursfilm.quiz.boundary.QuizDefinition;
import io.kursfilm.quiz.control.QuizScoring.Scored;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuizScoringTest {

  private static final Question SINGLE =
      question(
          QuestionType.SINGLE_CHOICE, option("a", false), option("b", true), option("c", false));
  private static final Question MULTIPLE =
      question(
          QuestionType.MULTIPLE_CHOICE, option("a", true), option("b", false), option("c", true));
  private static final Question TRUE_FALSE =
      question(QuestionType.TRUE_FALSE, option("true", false), option("false", true));
  private static final Question ORDERING =
      question(
          QuestionType.ORDERING, option("1st", false), option("2nd", false), option("3rd", false));

  private static final QuizDefinition QUIZ =
      new QuizDefinition(
          List.of(SINGLE, MULTIPLE, TRUE_FALSE, ORDERING), 75, 3, CountingRule.BEST, false, false);

  @Test
  void all_right_is_100_and_passes() {
    var score =
        QuizScoring.score(QUIZ, List.of(List.of(1), List.of(2, 0), List.of(1), List.of(0, 1, 2)));
    assertEquals(100, score.percent());
    assertTrue(score.passed());
    assertEquals(List.of(true, true, true, true), score.right());
  }

  @Test
  void three_of_four_reaches_a_pass_mark_of_75_exactly() {
    var score =
        QuizScoring.score(QUIZ, List.of(List.of(1), List.of(0), List.of(1), List.of(0, 1, 2)));
    assertEquals(75, score.percent());
    assertTrue(score.passed());
    assertEquals(List.of(true, false, true, true), score.right());
  }

  @Test
  void unanswered_questions_are_wrong() {
    var score = QuizScoring.score(QUIZ, List.of(List.of(), List.of(), List.of(), List.of()));
    assertEquals(0, score.percent());
    assertFalse(score.passed());
  }

  @Test
  void a_multiple_choice_answer_must_name_exactly_the_right_options() {
    assertTrue(QuizScoring.isRight(0, MULTIPLE, List.of(0, 2)));
    assertFalse(QuizScoring.isRight(0, MULTIPLE, List.of(0)), "one missing");
    assertFalse(QuizScoring.isRight(0, MULTIPLE, List.of(0, 1, 2)), "one too many");
  }

  @Test
  void an_ordering_is_right_only_in_the_stored_order() {
    assertTrue(QuizScoring.isRight(0, ORDERING, List.of(0, 1, 2)));
    assertFalse(QuizScoring.isRight(0, ORDERING, List.of(1, 0, 2)));
  }

  @Test
  void single_choice_and_true_false_are_right_for_the_right_option_only() {
    assertTrue(QuizScoring.isRight(0, SINGLE, List.of(1)));
    assertFalse(QuizScoring.isRight(0, SINGLE, List.of(2)));
    assertTrue(QuizScoring.isRight(0, TRUE_FALSE, List.of(1)));
    assertFalse(QuizScoring.isRight(0, TRUE_FALSE, List.of(0)));
  }

  @Test
  void impossible_answers_are_refused_not_scored() {
    assertThrows(IllegalArgumentException.class, () -> QuizScoring.isRight(0, SINGLE, List.of(3)));
    assertThrows(IllegalArgumentException.class, () -> QuizScoring.isRight(0, SINGLE, List.of(-1)));
    assertThrows(
        IllegalArgumentException.class, () -> QuizScoring.isRight(0, SINGLE, List.of(0, 1)));
    assertThrows(
        IllegalArgumentException.class, () -> QuizScoring.isRight(0, MULTIPLE, List.of(0, 0)));
    assertThrows(
        IllegalArgumentException.class, () -> QuizScoring.isRight(0, ORDERING, List.of(0, 1)));
    assertThrows(
        IllegalArgumentException.class,
        () -> QuizScoring.score(QUIZ, List.of(List.of(1))),
        "too few");
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({"FIRST, 1", "LAST, 3", "BEST, 2"})
  void the_counting_rule_picks_the_attempt(CountingRule rule, int expected) {
    List<Scored> attempts = List.of(new Scored(1, 40), new Scored(2, 90), new Scored(3, 60));
    assertEquals(expected, QuizScoring.counting(rule, attempts).orElseThrow().number());
  }

  @Test
  void of_equal_best_scores_the_earliest_counts() {
    List<Scored> attempts = List.of(new Scored(1, 80), new Scored(2, 80), new Scored(3, 20));
    assertEquals(1, QuizScoring.counting(CountingRule.BEST, attempts).orElseThrow().number());
  }

  @Test
  void without_attempts_there_is_no_result() {
    assertEquals(Optional.empty(), QuizScoring.counting(CountingRule.LAST, List.of()));
  }

  private static Question question(QuestionType type, Option... options) {
    return new Question(type, type.name(), List.of(options), null, false);
  }

  private static Option option(String text, boolean correct) {
    return new Option(text, correct, null);
  }
}
