package io.kursfilm.platform.boundary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.QuoteMode;

/**
 * Writes CSV (RFC 4180, comma-separated, CRLF line ends) for people to open in a spreadsheet,
 * through Commons CSV's printer. Every CSV the application produces goes through here, because a
 * cell that starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return is
 * run as a formula by Excel and LibreOffice ("CSV injection"): such a cell gets a leading
 * apostrophe, which spreadsheets show as text. Cells are always quoted, so commas, quotes and line
 * breaks in values cannot shift columns.
 */
public final class CsvWriter {

  private static final String FORMULA_STARTS = "=+-@\t\r";

  // Every cell quoted, a null cell as an empty quoted one: a spreadsheet then never guesses a type.
  private static final CSVFormat FORMAT =
      CSVFormat.RFC4180.builder().setQuoteMode(QuoteMode.ALL).setNullString("").get();

  private CsvWriter() {}

  /** One line of cells, ending in CRLF; null cells are empty. */
  public static String row(List<?> cells) {
    StringBuilder out = new StringBuilder();
    try {
      FORMAT.printRecord(
          out, cells.stream().map(c -> c == null ? null : neutralise(String.valueOf(c))).toArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringBuilder does not fail
    }
    return out.toString();
  }

  /** One quoted cell, neutralised when a spreadsheet would read it as a formula. */
  public static String cell(String value) {
    String line = row(Collections.singletonList(value));
    return line.substring(0, line.length() - 2);
  }

  /** {@code value} with a leading apostrophe when it would start a formula, else unchanged. */
  public static String neutralise(String value) {
    if (value != null && !value.isEmpty() && FORMULA_STARTS.indexOf(value.charAt(0)) >= 0) {
      return "'" + value;
    }
    return value;
  }
}
