package io.kursfilm.web.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The authorisation matrix ({@code authorisation-matrix.csv}): one row per REST endpoint and JSF
 * page with the outcome each caller must get, with the own company's ids and with another's or
 * made-up ones. The file's header comment defines the vocabulary; this class only reads it.
 */
public final class AuthorisationMatrix {

  public static final String FILE = "/authorisation-matrix.csv";

  /** The callers, in the order of the matrix's columns. */
  public enum Caller {
    anonymous,
    EMPLOYEE,
    CRITIC,
    TRAINER,
    TENANT_ADMIN,
    ROOT,
    ROOT_ELEVATED
  }

  /** What a cell expects. */
  public enum Outcome {
    allow,
    deny,
    hidden
  }

  /** How the test treats a row's fixtures (see the file's header). */
  public enum Run {
    shared,
    fresh,
    session,
    end
  }

  /**
   * One row. {@code foreign} and {@code guessed} are null when the row has no ids to vary; {@code
   * ids} maps path variables to fixtures or literals ({@code "?"}: the query string).
   */
  public record Row(
      String method,
      String path,
      Map<Caller, Outcome> own,
      Map<Caller, Outcome> foreign,
      Map<Caller, Outcome> guessed,
      Map<String, String> ids,
      Run run,
      String body) {

    public boolean isPage() {
      return !path.startsWith("/api/");
    }

    public String key() {
      return method + " " + path;
    }

    @Override
    public String toString() {
      return key();
    }
  }

  private static final String HEADER =
      "method,path,anonymous,EMPLOYEE,CRITIC,TRAINER,TENANT_ADMIN,ROOT,ROOT_ELEVATED,foreign,guessed,"
          + "ids,run,body";

  private AuthorisationMatrix() {}

  /** Every row, in file order. */
  public static List<Row> rows() {
    List<Row> rows = new ArrayList<>();
    for (String line : lines()) {
      rows.add(parse(line));
    }
    return rows;
  }

  private static Row parse(String line) {
    String[] c = line.split(",", 14);
    if (c.length != 14) {
      throw new IllegalArgumentException("14 columns expected: " + line);
    }
    Map<Caller, Outcome> own = new LinkedHashMap<>();
    for (Caller caller : Caller.values()) {
      own.put(caller, Outcome.valueOf(c[2 + caller.ordinal()]));
    }
    return new Row(
        c[0],
        c[1],
        own,
        other(c[9], own),
        other(c[10], own),
        ids(c[11]),
        Run.valueOf(c[12]),
        c[13]);
  }

  /**
   * The expected outcomes with other ids, for the callers whose own cell is not {@code deny}:
   * {@code "hidden;ROOT=allow"} is hidden for all but ROOT. Denied callers are left out.
   */
  private static Map<Caller, Outcome> other(String spec, Map<Caller, Outcome> own) {
    if (spec.equals("-")) {
      return null;
    }
    String[] parts = spec.split(";");
    Map<Caller, Outcome> outcomes = new LinkedHashMap<>();
    own.forEach(
        (caller, outcome) -> {
          if (outcome != Outcome.deny) {
            outcomes.put(caller, Outcome.valueOf(parts[0]));
          }
        });
    for (String override : Arrays.copyOfRange(parts, 1, parts.length)) {
      String[] kv = override.split("=");
      Caller caller = Caller.valueOf(kv[0]);
      if (outcomes.containsKey(caller)) {
        outcomes.put(caller, Outcome.valueOf(kv[1]));
      }
    }
    return outcomes;
  }

  private static Map<String, String> ids(String spec) {
    Map<String, String> ids = new LinkedHashMap<>();
    for (String part : spec.split(";")) {
      if (part.isEmpty()) {
        continue;
      }
      if (part.startsWith("?")) {
        ids.put("?", part.substring(1));
      } else {
        String[] kv = part.split("=", 2);
        ids.put(kv[0], kv[1]);
      }
    }
    return ids;
  }

  /** The rows without header, blank lines and {@code #} comments. */
  private static List<String> lines() {
    try (InputStream in = AuthorisationMatrix.class.getResourceAsStream(FILE)) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return text.lines()
          .map(String::strip)
          .filter(line -> !line.isEmpty() && !line.startsWith("#") && !line.equals(HEADER))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
