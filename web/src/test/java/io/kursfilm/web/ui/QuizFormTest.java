package io.kursfilm.web.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kursfilm.quiz.boundary.CountingRule;
import io.kursfilm.quiz.boundary.Option;
import io.kursfilm.quiz.boundary.Question;
import io.kursfilm.quiz.boundary.QuestionType;
import io.kursfilm.quiz.boundary.QuizDefinition;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuizFormTest {

  private static final QuizDefinition QUIZ =
      new QuizDefinition(
          List.of(
              new Question(
                  QuestionType.SINGLE_CHOICE,
                  "Which?",
                  List.of(new Option("A", true, "Yes"), new Option("B", false, null)),
                  2,
                  true),
              new Question(
                  QuestionType.ORDERING,
                  "Order",
                  List.of(new Option("1st", false, null), new Option("2nd", false, "then")),
                  null,
                  false)),
          70,
          5,
          CountingRule.LAST,
          true,
          false);

  @Test
  void a_stored_quiz_comes_back_unchanged() {
    QuizForm form = QuizForm.of(QUIZ);
    assertEquals("0:02", form.getQuestions().get(0).getAt());
    assertEquals(QUIZ, form.toDefinition());
  }

  @Test
  void times_are_typed_as_m_ss_or_seconds_and_blank_means_after_the_video() {
    QuizForm form = QuizForm.of(QUIZ);
    form.getQuestions().get(0).setAt("75");
    form.getQuestions().get(1).setAt("1:05");
    assertEquals(75, form.toDefinition().questions().get(0).atSecond());
    assertEquals(65, form.toDefinition().questions().get(1).atSecond());
    form.getQuestions().get(1).setAt(" ");
    assertNull(form.toDefinition().questions().get(1).atSecond());
  }

  @Test
  void an_unreadable_time_is_named_like_the_boundary_names_problems() {
    QuizForm form = QuizForm.of(QUIZ);
    form.getQuestions().get(1).setAt("one minute");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, form::toDefinition);
    assertEquals("questions[1].atSecond: m:ss or seconds", e.getMessage());
  }

  @Test
  void blank_texts_go_as_missing_and_ordering_options_are_never_right() {
    QuizForm form = new QuizForm();
    QuestionForm q = form.addQuestion(QuestionType.ORDERING, "True", "False");
    q.setText("  ");
    q.getOptions().get(0).setCorrect(true);
    q.getOptions().get(0).setText(" First ");
    Question sent = form.toDefinition().questions().get(0);
    assertNull(sent.text());
    assertEquals("First", sent.options().get(0).text());
    assertNull(sent.options().get(1).text());
    assertFalse(sent.options().get(0).correct());
  }

  @Test
  void missing_numbers_go_as_values_the_boundary_refuses() {
    QuizForm form = QuizForm.of(QUIZ);
    form.setPassMark(null);
    form.setMaxAttempts(null);
    assertEquals(-1, form.toDefinition().passMark());
    assertEquals(-1, form.toDefinition().maxAttempts());
  }

  @Test
  void a_true_false_question_comes_with_its_two_options() {
    QuizForm form = new QuizForm();
    QuestionForm q = form.addQuestion(QuestionType.TRUE_FALSE, "Wahr", "Falsch");
    assertEquals(
        List.of("Wahr", "Falsch"), q.getOptions().stream().map(OptionForm::getText).toList());
    assertEquals(2, form.addQuestion(QuestionType.MULTIPLE_CHOICE, "T", "F").getOptions().size());
  }

  @Test
  void switching_to_true_false_keeps_two_written_options_and_replaces_others() {
    QuestionForm two = QuizForm.of(QUIZ).question(0);
    two.setType(QuestionType.TRUE_FALSE.name());
    two.fitOptions("True", "False");
    assertEquals("A", two.getOptions().get(0).getText());

    QuestionForm three = QuizForm.of(QUIZ).question(0);
    three.addOption();
    three.setType(QuestionType.TRUE_FALSE.name());
    three.fitOptions("True", "False");
    assertEquals(
        List.of("True", "False"), three.getOptions().stream().map(OptionForm::getText).toList());
  }

  @Test
  void questions_and_options_move_within_their_list_only() {
    QuizForm form = QuizForm.of(QUIZ);
    form.moveQuestion(0, 1);
    assertEquals("Order", form.question(0).getText());
    form.moveQuestion(0, -1);
    form.moveQuestion(1, 1);
    assertEquals("Order", form.question(0).getText());
    QuestionForm order = form.question(0);
    order.moveOption(1, -1);
    assertEquals("2nd", order.getOptions().get(0).getText());
    order.removeOption(0);
    assertEquals(List.of("1st"), order.getOptions().stream().map(OptionForm::getText).toList());
    form.removeQuestion(0);
    assertEquals("Which?", form.question(0).getText());
  }
}
