package io.kursfilm.kernel;

/**
 * The one check for free text that people type and others see: titles, names, labels, reasons.
 * Control characters (NUL, ESC and the other C0/C1 controls, including CR and LF in single-line
 * text) and the Unicode bidirectional embeddings, overrides and isolates are refused: they hide or
 * reorder what a reader sees (a file name shown as {@code exe.pdf}), forge lines in logs and
 * exports, or drive terminals. Refusing rather than silently stripping keeps the stored text
 * exactly what its author sent. Refusals are {@link IllegalArgumentException}s, which the API
 * answers with 400.
 */
public final class FreeText {

  private FreeText() {}

  /**
   * {@code text} unchanged when it is one line of displayable text; null stays null.
   *
   * @param field the field's name, for the message
   * @throws IllegalArgumentException naming the field and the first offending character
   */
  public static String line(String field, String text) {
    return check(field, text, false);
  }

  /**
   * {@code text} unchanged when it is displayable text in which line breaks (CR, LF) and tabs are
   * allowed; null stays null.
   *
   * @throws IllegalArgumentException naming the field and the first offending character
   */
  public static String multiLine(String field, String text) {
    return check(field, text, true);
  }

  /** The first character of {@code text} refused in single- or multi-line text, or -1. */
  private static int firstRefused(String text, boolean multiLine) {
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      if (refused(c, multiLine)) {
        return c;
      }
      i += Character.charCount(c);
    }
    return -1;
  }

  private static String check(String field, String text, boolean multiLine) {
    if (text == null) {
      return null;
    }
    int bad = firstRefused(text, multiLine);
    if (bad >= 0) {
      throw new IllegalArgumentException(
          field + ": control or direction-override character " + String.format("U+%04X", bad));
    }
    return text;
  }

  private static boolean refused(int c, boolean multiLine) {
    if (multiLine && (c == '\n' || c == '\r' || c == '\t')) {
      return false;
    }
    return switch (Character.getType(c)) {
      // Cc (C0, DEL, C1), lone surrogates (broken UTF-16), line and paragraph separators.
      case Character.CONTROL,
              Character.SURROGATE,
              Character.LINE_SEPARATOR,
              Character.PARAGRAPH_SEPARATOR ->
          !(multiLine && (c == 0x2028 || c == 0x2029));
      default -> isBidiControl(c);
    };
  }

  /**
   * LRE, RLE, PDF, LRO, RLO (U+202A-U+202E) and LRI, RLI, FSI, PDI (U+2066-U+2069). The plain marks
   * LRM, RLM and ALM stay allowed: right-to-left text needs them and they reorder nothing.
   */
  private static boolean isBidiControl(int c) {
    return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
  }
}
