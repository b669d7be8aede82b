package io.kursfilm.web.security;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kursfilm.web.identity.Inbox;
import io.kursfilm.web.learning.LearningMedia;
import io.kursfilm.web.testing.AuthorisationMatrix;
import io.kursfilm.web.testing.AuthorisationMatrix.Caller;
import io.kursfilm.web.testing.AuthorisationMatrix.Outcome;
import io.kursfilm.web.testing.AuthorisationMatrix.Row;
import io.kursfilm.web.testing.AuthorisationMatrix.Run;
import io.kursfilm.web.testing.DemoTenants;
import io.kursfilm.web.testing.ReliabilityReport;
import io.kursfilm.web.testing.RestClient;
import io.kursfilm.web.testing.SharedApp;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks every cell of the authorisation matrix ({@code authorisation-matrix.csv}) black-box
 * against the shared app: each endpoint and page, called by each caller with the own company's ids,
 * with the other company's ids and with guessed ones (a random UUID, the sequential "1"). It works
 * in two companies of its own (MatrixCompany), so the demo companies other tests rely on are never
 * touched, and writes the "Authorisation matrix" section of RELIABILITY.md.
 */
@ExtendWith(SharedApp.class)
class AuthorisationMatrixIT {

  /** Statuses that prove a request was judged on its content, after authorisation. */
  private static final Set<Integer> CONTENT = Set.of(400, 409, 410, 413, 416, 422);

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");
  private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z]+)[^}]*}");
  static final List<String> GUESSES = List.of(UUID.randomUUID().toString(), "1");

  @TempDir static Path media;
  private static Inbox inbox;

  private final MatrixCall http = new MatrixCall(SharedApp.base());
  private final MatrixTally tally = new MatrixTally();

  private MatrixCompany own;
  private MatrixCompany foreign;
  private String root;
  private long elevatedAt;
  private String elevationRefused;

  @BeforeAll
  static void startInbox() {
    inbox = new Inbox(Integer.parseInt(System.getProperty("kursfilm.it.mail.port")));
  }

  @AfterAll
  static void stopInbox() {
    if (inbox != null) {
      inbox.stop();
    }
  }

  @Test
  void every_cell_of_the_matrix_holds() throws Exception {
    long started = System.nanoTime();
    root = new DemoTenants(SharedApp.base()).login("platform", "root");
    own = new MatrixCompany(SharedApp.base(), inbox, root, "mxo").create(media);
    foreign = new MatrixCompany(SharedApp.base(), inbox, root, "mxf").create(media);
    long setUp = System.nanoTime();

    List<Row> rows = new ArrayList<>(AuthorisationMatrix.rows());
    // Offboarding freezes the own company: those rows run last, in file order.
    rows.sort(Comparator.comparing(row -> row.run() == Run.end));
    for (Row row : rows) {
      if (row.run() == Run.end) {
        own.offboarding();
        foreign.offboarding();
      }
      check(row);
      if (row.run() == Run.session) {
        own.loginAgain();
        root = new DemoTenants(SharedApp.base()).login("platform", "root");
      }
    }
    long done = System.nanoTime();
    // The own company's offboarding was cancelled by its row; the foreign one's is left running.
    foreign.cancelOffboarding();

    System.out.println(tally.summary(rows, setUp - started, done - setUp));
    assertTrue(
        tally.deviations.isEmpty(),
        tally.deviations.size()
            + " cells differ from the matrix:\n"
            + String.join("\n", tally.deviations));
    ReliabilityReport.section(
        "10-authorisation.md",
        "Authorisation matrix",
        tally.report(rows, setUp - started, done - setUp));
  }

  private void check(Row row) throws Exception {
    String spare = null;
    for (Caller caller : Caller.values()) {
      Outcome expected = row.own().get(caller);
      Map<String, String> values = new java.util.HashMap<>(own.fixtures);
      if (row.run() == Run.fresh) {
        if (expected == Outcome.deny) {
          spare = spare == null ? freshIds(row, values) : spare;
          values.putAll(parse(spare));
        } else {
          values.putAll(parse(freshIds(row, values)));
        }
      }
      String path = path(row, values, null);
      MatrixCall.Answer answer = send(row, caller, path, values);
      tally.ownCells.merge(expected, 1, Integer::sum);
      if (!matches(row, caller, expected, answer)) {
        String refused =
            caller == Caller.ROOT_ELEVATED && elevationRefused != null
                ? " [elevation refused: " + elevationRefused + "]"
                : "";
        tally.deviations.add(cell(row, caller, "own", expected.name(), path, answer) + refused);
      }
      if (row.foreign() != null) {
        checkOthers(row, caller, values);
      }
    }
  }

  /** The caller with the other company's ids and with guessed ones. */
  private void checkOthers(Row row, Caller caller, Map<String, String> values) throws Exception {
    String foreignPath = path(row, values, foreign.fixtures);
    MatrixCall.Answer foreignAnswer = send(row, caller, foreignPath, values);
    List<String> guessedPaths = new ArrayList<>();
    List<MatrixCall.Answer> guessed = new ArrayList<>();
    for (String guess : GUESSES) {
      String guessedPath = path(row, values, guessMap(row, guess));
      guessedPaths.add(guessedPath);
      guessed.add(send(row, caller, guessedPath, values));
    }
    if (!row.foreign().containsKey(caller)) {
      // Refused by role: refused alike, whether the ids exist elsewhere or not at all.
      tally.refusedOtherCells += 1 + guessed.size();
      boolean alike = guessed.stream().allMatch(a -> a.status() == foreignAnswer.status());
      boolean refused =
          foreignAnswer.status() == 404 || matches(row, caller, Outcome.deny, foreignAnswer);
      if (!alike || !refused) {
        tally.deviations.add(
            cell(row, caller, "foreign/guessed", "refused alike", foreignPath, foreignAnswer)
                + " / guessed "
                + guessed);
      }
      return;
    }
    Outcome foreignExpected = row.foreign().get(caller);
    tally.otherCells.merge(foreignExpected, 1, Integer::sum);
    if (!matches(row, caller, foreignExpected, foreignAnswer)) {
      tally.deviations.add(
          cell(row, caller, "foreign", foreignExpected.name(), foreignPath, foreignAnswer));
    }
    Outcome guessedExpected = row.guessed().get(caller);
    for (int i = 0; i < guessed.size(); i++) {
      tally.otherCells.merge(guessedExpected, 1, Integer::sum);
      if (!matches(row, caller, guessedExpected, guessed.get(i))) {
        tally.deviations.add(
            cell(
                row,
                caller,
                "guessed",
                guessedExpected.name(),
                guessedPaths.get(i),
                guessed.get(i)));
      }
    }
  }

  private MatrixCall.Answer send(Row row, Caller caller, String path, Map<String, String> values)
      throws Exception {
    String token;
    String tenant = null;
    switch (caller) {
      case anonymous -> token = null;
      case ROOT -> token = row.run() == Run.session ? login("platform", "root") : root;
      case ROOT_ELEVATED -> {
        token = row.run() == Run.session ? login("platform", "root") : root;
        tenant = own.slug;
        if (row.run() != Run.end) {
          // Offboarding rows: the company is frozen, no elevation into it can be had (one tried
          // per cell would come into force mid-row once the cancel row unfroze it).
          elevate(token);
        }
      }
      default ->
          token =
              row.run() == Run.session
                  ? own.api().login(own.slug, own.email(person(caller)), MatrixCompany.PASSWORD)
                  : own.tokens.get(caller.name());
    }
    tally.requests++;
    return http.send(row.method(), path, token, tenant, fill(row.body(), values));
  }

  /** Elevates ROOT into the own company unless an elevation of the last 1.5 s still runs (3 s). */
  private void elevate(String token) throws Exception {
    if (System.nanoTime() - elevatedAt < 1_500_000_000L) {
      return;
    }
    RestClient.Reply reply = own.api().post("api/v1/elevations", token, own.elevation());
    // Refused (e.g. into a frozen company): the cell shows what the operator gets then.
    elevationRefused = reply.status() == 201 ? null : reply.status() + " " + reply.body();
    elevatedAt = elevationRefused == null ? System.nanoTime() : 0;
  }

  private String login(String tenant, String who) throws Exception {
    return new DemoTenants(SharedApp.base()).login(tenant, who);
  }

  private static String person(Caller caller) {
    return switch (caller) {
      case EMPLOYEE -> "employee";
      case CRITIC -> "critic";
      case TRAINER -> "trainer";
      case TENANT_ADMIN -> "admin";
      default -> throw new IllegalArgumentException(caller.name());
    };
  }

  private boolean matches(Row row, Caller caller, Outcome expected, MatrixCall.Answer answer) {
    int status = answer.status();
    return switch (expected) {
      case allow ->
          row.isPage()
              ? status == 200 || (status / 100 == 3 && !answer.redirectsToLogin())
              : status / 100 == 2 || CONTENT.contains(status);
      case deny -> {
        if (caller == Caller.anonymous) {
          yield row.isPage() ? answer.redirectsToLogin() : status == 401;
        }
        // 401 where the caller has no account there: an elevated operator's own-account calls,
        // the people of a frozen company (the offboarding logged them out).
        yield status == 403 || status == 401;
      }
      case hidden ->
          // A page answers 200 and shows nothing of an object it does not find for the caller.
          status == 404 || (row.isPage() && status == 200 && !answer.body().contains(foreign.slug));
    };
  }

  /** New objects for the fixtures a "fresh" row uses up, as "name=id;..." */
  private String freshIds(Row row, Map<String, String> values) throws Exception {
    StringBuilder made = new StringBuilder();
    for (String kind : row.ids().values()) {
      if (MatrixCompany.isFreshKind(kind)) {
        made.append(kind).append('=').append(own.fresh(kind)).append(';');
      }
    }
    return made.toString();
  }

  private static Map<String, String> parse(String ids) {
    Map<String, String> map = new java.util.HashMap<>();
    for (String part : ids.split(";")) {
      if (!part.isEmpty()) {
        String[] kv = part.split("=", 2);
        map.put(kv[0], kv[1]);
      }
    }
    return map;
  }

  /** The guess for every fixture the row's path and query name. */
  private static Map<String, String> guessMap(Row row, String guess) {
    Map<String, String> map = new java.util.HashMap<>();
    row.ids()
        .forEach(
            (name, spec) -> {
              if (name.equals("?")) {
                Matcher m = PLACEHOLDER.matcher(spec);
                while (m.find()) {
                  map.put(m.group(1), guess);
                }
              } else if (!spec.equals("publishedVersion")) {
                // The video's id is guessed; its version number stays a number.
                map.put(spec, guess);
              }
            });
    return map;
  }

  /**
   * The row's path with its variables filled: fixtures from {@code values}, or from {@code other}
   * where that names them (another company's ids, guesses); literals as written.
   */
  private String path(Row row, Map<String, String> values, Map<String, String> other) {
    Matcher m = VARIABLE.matcher(row.path());
    StringBuilder path = new StringBuilder();
    while (m.find()) {
      String spec = row.ids().get(m.group(1));
      String value = spec;
      if (values.containsKey(spec)) {
        value = other != null && other.containsKey(spec) ? other.get(spec) : values.get(spec);
        if (other == null) {
          tally.ownIds.add(value);
        } else if (other == foreign.fixtures) {
          tally.foreignIds.add(value);
        }
      }
      m.appendReplacement(path, Matcher.quoteReplacement(value));
    }
    m.appendTail(path);
    String query = row.ids().get("?");
    if (query == null) {
      return path.substring(1);
    }
    Map<String, String> merged = new java.util.HashMap<>(values);
    if (other != null && row.foreign() != null) {
      // Pages take their ids in the query: those vary as well.
      merged.putAll(other);
    }
    return path.substring(1) + "?" + fill(query, merged);
  }

  private static String fill(String template, Map<String, String> values) {
    if (template == null) {
      return null;
    }
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder filled = new StringBuilder();
    while (m.find()) {
      String value =
          switch (m.group(1)) {
            case "random" -> UUID.randomUUID().toString().substring(0, 8);
            case "password" -> MatrixCompany.PASSWORD;
            case "quizDefinition" -> LearningMedia.quiz().toString();
            default -> {
              String v = values.get(m.group(1));
              if (v == null) {
                throw new IllegalArgumentException("no fixture " + m.group(1));
              }
              yield v;
            }
          };
      m.appendReplacement(filled, Matcher.quoteReplacement(value));
    }
    m.appendTail(filled);
    return filled.toString();
  }

  private static String cell(
      Row row, Caller caller, String ids, String expected, String path, MatrixCall.Answer got) {
    return row.key()
        + " | "
        + caller
        + " | "
        + ids
        + " ids: expected "
        + expected
        + ", got "
        + got
        + " ("
        + path
        + ")";
  }
}
