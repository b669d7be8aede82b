package io.kursfilm.identity.control;

import io.kursfilm.identity.entity.Role;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the invitation CSV: {@code email,displayName,roles} per line, roles separated by {@code ;},
 * an optional header line starting with {@code email}, blank lines ignored. Syntax only: whether
 * the address is free is the issuer's question.
 */
public final class InvitationCsv {

  public static final int MAX_LINES = 1000;

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
    String[] cells = text.split(",", -1);
    if (cells.length != 3) {
      return error(number, cells[0], "expected 3 columns email,displayName,roles");
    }
    String email = unquote(cells[0]);
    String name = unquote(cells[1]);
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (String r : unquote(cells[2]).split(";")) {
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

  private static Line error(int number, String email, String message) {
    return new Line(number, unquote(email), null, Set.of(), message);
  }

  private static String unquote(String cell) {
    String s = cell.strip();
    if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
      s = s.substring(1, s.length() - 1).replace("\"\"", "\"").strip();
    }
    return s;
  }
}
