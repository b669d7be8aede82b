package io.kursfilm.web.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

class QuizProblemsTest {

  private static final ResourceBundle EN =
      ResourceBundle.getBundle("io.kursfilm.web.i18n.messages", Locale.ENGLISH);
  private static final ResourceBundle DE =
      ResourceBundle.getBundle("io.kursfilm.web.i18n.messages", Locale.GERMAN);

  @Test
  void names_question_and_option_from_one_in_the_pages_language() {
    assertEquals(
        "Not saved. Question 1, option 2, text: required",
        QuizProblems.describe("questions[0].options[1].text: required", EN));
    assertEquals(
        "Nicht gespeichert. Frage 3: genau eine Antwort muss richtig sein",
        QuizProblems.describe("questions[2]: exactly one option must be right", DE));
    assertEquals(
        "Not saved. Question 1, time in the video: must lie within the video",
        QuizProblems.describe("questions[0].atSecond: within the video", EN));
  }

  @Test
  void names_settings() {
    assertEquals("Not saved. Pass mark: 0 to 100", QuizProblems.describe("passMark: 0 to 100", EN));
    assertEquals(
        "Nicht gespeichert. Erlaubte Versuche: 1 bis 20",
        QuizProblems.describe("maxAttempts: 1 to 20", DE));
  }

  @Test
  void an_unknown_reason_or_shape_is_shown_as_it_came() {
    assertEquals(
        "Not saved. Question 1, option 1, text: control or direction-override character U+0007",
        QuizProblems.describe(
            "questions[0].options[0].text: control or direction-override character U+0007", EN));
    assertEquals("Not saved. something else", QuizProblems.describe("something else", EN));
  }
}
