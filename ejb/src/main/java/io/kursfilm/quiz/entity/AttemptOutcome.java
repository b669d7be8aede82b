package io.kursfilm.quiz.entity;

import java.util.Locale;

/**
 * What a submitted attempt scored: the percent of questions right and whether that passed. Sealed
 * as one value of fixed length ({@link #text}), so the ciphertext's length shows neither how many
 * digits the score has nor whether it passed.
 *
 * @param score percent of questions right, 0 to 100
 * @param passed whether the score reached the quiz's pass mark when it was submitted
 */
public record AttemptOutcome(int score, boolean passed) {

  private static final int LENGTH = 5;

  public AttemptOutcome {
    if (score < 0 || score > 100) {
      throw new IllegalArgumentException("a score is a percent: " + score);
    }
  }

  /** The sealed form: the score in three digits, a space, {@code P} (passed) or {@code F}. */
  public String text() {
    return String.format(Locale.ROOT, "%03d %c", score, passed ? 'P' : 'F');
  }

  /**
   * Reads {@link #text}.
   *
   * @throws IllegalArgumentException for anything else
   */
  public static AttemptOutcome parse(String text) {
    if (text == null
        || text.length() != LENGTH
        || !digit(text.charAt(0))
        || !digit(text.charAt(1))
        || !digit(text.charAt(2))
        || text.charAt(3) != ' '
        || (text.charAt(4) != 'P' && text.charAt(4) != 'F')) {
      throw new IllegalArgumentException("not an attempt outcome");
    }
    return new AttemptOutcome(Integer.parseInt(text, 0, 3, 10), text.charAt(4) == 'P');
  }

  // ASCII only: Character.isDigit (and parseInt) would take other scripts' digits too.
  private static boolean digit(char c) {
    return c >= '0' && c <= '9';
  }
}
