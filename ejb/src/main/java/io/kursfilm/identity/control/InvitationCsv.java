package io.kursfilm.identity.control;

import io.kursfilm.kernel.Role;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the invitation CSV: {@code email,displayName,roles} per line, roles separated by {@code ;},
 * an optional header line starting with {@code email}, blank lines ignored. Fields follow RFC 4180
 * (Commons CSV): a quoted field may hold commas and doubled quotes, but no line break, so each line
 * is one invitation and a bad line is reported by its number without spoiling the others. Syntax
 * only: whether the address is free is the issuer's question.
 */
public final class InvitationCsv {

  public static final int MAX_LINES = 1000;

  // Spaces around a field and inside its quotes are dropped, as people type "a, b" by hand.
  private static final CSVFormat FORMAT =
      CSVFormat.RFC4180.builder().setIgnoreSurroundingSpaces(true).setTrim(true).get();

  /** One data line: either parsed values or a syntax error. */
  public record Line(int number, String email, String displayName, Set<Role> roles, String error) {
    public boolean ok() {
      return error == null;
    }
  }

  private InvitationCsv() {}

  public static List<Line> parse(String csv) {
    if (csv == null || csv.isBlank()) {
      throw new IllegalArgumentException("the CSV is empty");
    }
    String[] lines = csv.split("\r?\n|\r", -1);
    if (lines.length > MAX_LINES + 1) {
      throw new IllegalArgumentException("at most " + MAX_LINES + " lines per upload");
    }
    List<Line> result = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      String text = i == 0 ? lines[i].replace("\uFEFF", "") : lines[i];
      if (text.isBlank() || (i == 0 && text.strip().toLowerCase(Locale.ROOT).startsWith("email"))) {
        continue;
      }
      result.add(line(i + 1, text));
    }
    if (result.isEmpty()) {
      throw new IllegalArgumentException("the CSV has no data lines");
    }
    return result;
  }

  private static Line line(int number, String text) {
    List<String> cells;
    try {
      cells = cells(text);
    } catch (IOException | UncheckedIOException malformed) {
      // Commons CSV's message names positions in the one-line snippet, not in the upload.
      return error(number, "", "malformed quoting (a quote must enclose the whole field)");
    }
    if (cells.size() != 3) {
      return error(number, cells.get(0), "expected 3 columns email,displayName,roles");
    }
    String email = cells.get(0);
    String name = cells.get(1);
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (String r : cells.get(2).split(";")) {
      if (r.isBlank()) {
        continue;
      }
      try {
        roles.add(Role.valueOf(r.strip().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException unknown) {
        return error(number, email, "unknown role '" + r.strip() + "'");
      }
    }
    if (roles.isEmpty()) {
      return error(number, email, "at least one role required");
    }
    return new Line(number, email, name.isEmpty() ? null : name, roles, null);
  }

  /** The fields of one line; a line is one record, so a bad line never spoils the next. */
  private static List<String> cells(String text) throws IOException {
    try (CSVParser parser = CSVParser.parse(text, FORMAT)) {
      List<CSVRecord> records = parser.getRecords();
      return records.isEmpty() ? List.of("") : records.get(0).toList();
    }
  }

  private static Line error(int number, String email, String message) {
    return new Line(number, email, null, Set.of(), message);
  }
}
