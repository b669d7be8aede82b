package io.kursfilm.web.ui;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a problem the quiz boundary names ({@code questions[0].options[1].text: required}) into a
 * sentence for the trainer ({@code Question 1, option 2, text: required}), in the page's language
 * where the bundle knows the reason and word for word otherwise.
 */
final class QuizProblems {

  private static final Pattern PROBLEM =
      Pattern.compile(
          "(?:questions\\[(\\d+)](?:\\.options\\[(\\d+)])?\\.?)?([A-Za-z]*): (.+)", Pattern.DOTALL);

  private QuizProblems() {}

  static String describe(String problem, ResourceBundle msg) {
    Matcher m = PROBLEM.matcher(problem == null ? "" : problem);
    if (!m.matches()) {
      return msg.getString("quiz.problem") + " " + problem;
    }
    StringBuilder where = new StringBuilder();
    if (m.group(1) != null) {
      where.append(msg.getString("quiz.problem.question")).append(' ').append(number(m.group(1)));
    }
    if (m.group(2) != null) {
      where.append(", ").append(msg.getString("quiz.problem.option")).append(' ');
      where.append(number(m.group(2)));
    }
    if (!m.group(3).isEmpty()) {
      where
          .append(where.length() == 0 ? "" : ", ")
          .append(known(msg, "quiz.field." + m.group(3), m.group(3)));
    }
    return msg.getString("quiz.problem")
        + " "
        + where
        + ": "
        + known(msg, "quiz.reason." + slug(m.group(4)), m.group(4));
  }

  private static int number(String index) {
    return Integer.parseInt(index) + 1;
  }

  /** The bundle's text for {@code key}, else {@code asItCame}. */
  private static String known(ResourceBundle msg, String key, String asItCame) {
    try {
      return msg.getString(key);
    } catch (MissingResourceException e) {
      return asItCame;
    }
  }

  /** "exactly one option must be right" → "exactly-one-option-must-be-right": a bundle key. */
  private static String slug(String reason) {
    return reason.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
  }
}
