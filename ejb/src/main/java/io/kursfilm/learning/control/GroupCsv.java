package io.kursfilm.learning.control;

import io.kursfilm.kernel.FreeText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the employee CSV of a group import: a header {@code email,name} or {@code email,name,group}
 * and one person per record (RFC 4180 through Commons CSV: quoted fields may hold commas). A file
 * that does not parse as a whole, or has another header, is refused ({@link
 * IllegalArgumentException}, nothing imported); a record with a bad value is one rejected line with
 * its number and reason. Syntax only: whether the person exists is the import's question.
 */
public final class GroupCsv {

  public static final int MAX_LINES = 10_000;

  /** What a spreadsheet would run as a formula when the report or an export is opened. */
  private static final String FORMULA_STARTS = "=+-@\t\r";

  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  private static final CSVFormat FORMAT =
      CSVFormat.RFC4180
          .builder()
          .setIgnoreSurroundingSpaces(true)
          .setTrim(true)
          .setIgnoreEmptyLines(true)
          .get();

  /** One data record: values, or the reason it is rejected. */
  public record Line(int number, String email, String name, String group, String error) {
    public boolean ok() {
      return error == null;
    }
  }

  private GroupCsv() {}

  public static List<Line> parse(String csv) {
    if (csv == null || csv.isBlank()) {
      throw new IllegalArgumentException("the CSV is empty");
    }
    try (CSVParser parser = CSVParser.parse(csv.replace("\uFEFF", ""), FORMAT)) {
      Iterator<CSVRecord> records = parser.iterator();
      boolean withGroup = header(records);
      List<Line> lines = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      while (true) {
        long before = parser.getCurrentLineNumber();
        if (!records.hasNext()) {
          break;
        }
        if (lines.size() >= MAX_LINES) {
          throw new IllegalArgumentException("at most " + MAX_LINES + " people per upload");
        }
        Line line = line((int) before + 1, records.next(), withGroup);
        if (line.ok() && !seen.add(line.email().toLowerCase(Locale.ROOT))) {
          line = reject(line.number(), line.email(), "the same e-mail appears on an earlier line");
        }
        lines.add(line);
      }
      if (lines.isEmpty()) {
        throw new IllegalArgumentException("the CSV has no data lines");
      }
      return lines;
    } catch (IOException | UncheckedIOException malformed) {
      // Commons CSV names the position in its own terms; the client needs only "fix the quoting".
      throw new IllegalArgumentException(
          "the CSV is malformed (unbalanced quotes?); nothing was imported");
    }
  }

  private static boolean header(Iterator<CSVRecord> records) {
    if (!records.hasNext()) {
      throw new IllegalArgumentException("the CSV is empty");
    }
    List<String> names =
        records.next().toList().stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
    if (names.equals(List.of("email", "name"))) {
      return false;
    }
    if (names.equals(List.of("email", "name", "group"))) {
      return true;
    }
    throw new IllegalArgumentException(
        "the first line must be the header email,name or email,name,group; nothing was imported");
  }

  private static Line line(int number, CSVRecord record, boolean withGroup) {
    int columns = withGroup ? 3 : 2;
    String email = record.size() > 0 ? record.get(0) : "";
    if (record.size() != columns) {
      return reject(number, email, "expected " + columns + " columns, found " + record.size());
    }
    if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
      return reject(number, email, "not an e-mail address");
    }
    String name = blankToNull(record.get(1));
    String group = withGroup ? blankToNull(record.get(2)) : null;
    String problem = textProblem("name", name);
    if (problem == null) {
      problem = textProblem("group", group);
    }
    return problem == null
        ? new Line(number, email, name, group, null)
        : reject(number, email, problem);
  }

  /** Why a name cannot be taken, or null. */
  static String textProblem(String field, String value) {
    if (value == null) {
      return null;
    }
    if (value.length() > 200) {
      return field + " longer than 200 characters";
    }
    if (FORMULA_STARTS.indexOf(value.charAt(0)) >= 0) {
      return field + " starts with " + value.charAt(0) + ", which a spreadsheet runs as a formula";
    }
    try {
      FreeText.line(field, value);
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
    return null;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  private static Line reject(int number, String email, String error) {
    return new Line(number, email, null, null, error);
  }
}
