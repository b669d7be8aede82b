package io.kursfilm.platform.boundary;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes CSV (RFC 4180, comma-separated, CRLF line ends) for people to open in a spreadsheet. Every
 * CSV the application produces goes through here, because a cell that starts with {@code =}, {@code
 * +}, {@code -}, {@code @}, a tab or a carriage return is run as a formula by Excel and LibreOffice
 * ("CSV injection"): such a cell gets a leading apostrophe, which spreadsheets show as text. Cells
 * are always quoted, so commas, quotes and line breaks in values cannot shift columns.
 */
public final class CsvWriter {

  private static final String FORMULA_STARTS = "=+-@\t\r";

  private CsvWriter() {}

  /** One line of cells, ending in CRLF; null cells are empty. */
  public static String row(List<?> cells) {
    return cells.stream()
            .map(c -> cell(c == null ? null : String.valueOf(c)))
            .collect(Collectors.joining(","))
        + "\r\n";
  }

  /** One quoted cell, neutralised when a spreadsheet would read it as a formula. */
  public static String cell(String value) {
    if (value == null || value.isEmpty()) {
      return "\"\"";
    }
    return "\"" + neutralise(value).replace("\"", "\"\"") + "\"";
  }

  /** {@code value} with a leading apostrophe when it would start a formula, else unchanged. */
  public static String neutralise(String value) {
    if (value != null && !value.isEmpty() && FORMULA_STARTS.indexOf(value.charAt(0)) >= 0) {
      return "'" + value;
    }
    return value;
  }
}
