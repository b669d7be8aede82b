package io.kursfilm.web.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kursfilm.web.ItEnvironment;
import io.kursfilm.web.testing.DemoTenants;
import io.kursfilm.web.testing.RestClient;
import io.kursfilm.web.testing.SharedApp;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.net.URL;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Quizzes through the REST API on the real stack: a quiz reviewed with its video, taken by
 * employees and scored on the server, results for the video's trainers only, anonymised with
 * pseudonyms and withheld aggregates, and quiz texts, answers and outcomes sealed in the database.
 */
@ExtendWith(SharedApp.class)
class QuizIT {

  final URL base = SharedApp.base();
  @TempDir static Path media;

  @BeforeAll
  static void s3() throws Exception {
    ItEnvironment.s3();
  }

  @AfterEach
  void restore() throws Exception {
    api().put("api/v1/tenant/settings", login("admin"), settings(false));
  }

  @Test
  void a_quiz_is_reviewed_with_its_video_and_employees_take_the_approved_one() throws Exception {
    String trainer = login("trainer");
    String employee = login("employee1");
    String id = transcoded(trainer, "Quiz video");
    RestClient.Reply saved = api().post("api/v1/videos/" + id + "/quiz", trainer, quiz("Exit?", 2));
    assertEquals(201, saved.status(), saved.body());
    assertEquals(2, saved.json().getInt("videoVersion"), "a version in review is replaced");
    assertEquals(404, api().get("api/v1/videos/" + id + "/quiz/take", employee).status());
    approve(id);

    RestClient.Reply take = api().get("api/v1/videos/" + id + "/quiz/take", employee);
    assertEquals(200, take.status(), take.body());
    assertFalse(take.body().contains("correct"), take.body());
    assertFalse(take.body().contains("feedback"), take.body());
    String quizId = take.json().getString("id");

    assertEquals(400, attempt(employee, quizId, List.of(List.of(0))).status(), "too few answers");
    assertEquals(400, attempt(employee, quizId, List.of(List.of(7), List.of())).status());
    assertEquals(400, attempt(employee, quizId, List.of(List.of(0, 1), List.of())).status());
    RestClient.Reply first = attempt(employee, quizId, List.of(List.of(0), List.of(1)));
    assertEquals(201, first.status(), first.body());
    assertEquals(50, first.json().getInt("score"));
    assertFalse(first.json().getBoolean("passed"));
    JsonObject second = attempt(employee, quizId, List.of(List.of(1), List.of(1))).json();
    assertEquals(100, second.getInt("score"));
    assertTrue(second.getBoolean("passed"));
    assertEquals(409, attempt(employee, quizId, List.of(List.of(1), List.of(1))).status(), "limit");
    assertEquals(2, api().get("api/v1/quizzes/" + quizId + "/attempts", employee).array().size());
    assertEquals(
        0, api().get("api/v1/quizzes/" + quizId + "/attempts", login("employee2")).array().size());

    assertEquals(
        201, api().post("api/v1/videos/" + id + "/quiz", trainer, quiz("New?", 3)).status());
    assertEquals(
        quizId, api().get("api/v1/videos/" + id + "/quiz/take", employee).json().getString("id"));
  }

  @Test
  void results_reach_the_videos_trainers_and_nobody_else_by_any_path() throws Exception {
    String trainer = login("trainer");
    String id = transcoded(trainer, "Results video");
    api().post("api/v1/videos/" + id + "/quiz", trainer, quiz("Where?", 2));
    approve(id);
    String quizId = api().get("api/v1/videos/" + id + "/quiz", trainer).json().getString("id");
    String employee = login("employee3");
    assertEquals(201, attempt(employee, quizId, List.of(List.of(1), List.of(1))).status());
    String admin = login("admin");
    setRoles(admin, "employee5", "TRAINER");
    String root = demo().login("platform", "root");
    RestClient.Reply elevation =
        api()
            .post(
                "api/v1/elevations",
                root,
                Json.createObjectBuilder()
                    .add("tenant", "demo")
                    .add("reason", "QuizIT: an elevated operator must not read quiz results")
                    .build());
    assertEquals(201, elevation.status(), elevation.body());

    // Who asks, with which headers, and what each path of the results answers them.
    record Cell(String who, String token, int status, String... headers) {}
    List<Cell> matrix =
        List.of(
            new Cell("the video's trainer", trainer, 200),
            new Cell("another trainer of the tenant", login("employee5"), 403),
            new Cell("tenant admin", admin, 403),
            new Cell("critic", login("critic"), 403),
            new Cell("the employee who took it", employee, 403),
            new Cell("another employee", login("employee2"), 403),
            new Cell("operator, not elevated", root, 403),
            new Cell("operator, elevated into demo", root, 403, "X-Kursfilm-Tenant", "demo"),
            new Cell("foreign trainer", foreign("trainer"), 404),
            // Roles that never read results are refused before any look-up: the same 403 for
            // every id, so it tells nothing about the quiz.
            new Cell("foreign admin", foreign("admin"), 403),
            new Cell("foreign employee", foreign("employee1"), 403),
            new Cell("anonymous", null, 401));
    String results = "api/v1/quizzes/" + quizId + "/results";
    try {
      for (Cell cell : matrix) {
        assertEquals(
            cell.status(), api().get(results, cell.token(), cell.headers()).status(), cell.who());
        assertEquals(
            cell.status(),
            api().download(results + ".csv", cell.token(), cell.headers()).status(),
            cell.who() + ", CSV");
      }
    } finally {
      setRoles(admin, "employee5", "EMPLOYEE");
    }
    // Guessed ids answer as unknown ones do, and nobody reads another person's attempts.
    assertEquals(
        404, api().get("api/v1/quizzes/" + UUID.randomUUID() + "/results", trainer).status());
    assertEquals(
        404, api().get("api/v1/quizzes/" + quizId + "/take", foreign("employee1")).status());
    assertEquals(403, api().get("api/v1/quizzes/" + quizId, employee).status(), "right answers");
    assertEquals(
        0, api().get("api/v1/quizzes/" + quizId + "/attempts", login("employee2")).array().size());
    long reads =
        api().get("api/v1/audit?action=RESULTS_READ", admin).array().stream()
            .filter(e -> quizId.equals(e.asJsonObject().getString("subjectId", "")))
            .count();
    assertEquals(1, reads, "every read audited, refusals read nothing");
  }

  @Test
  void anonymised_results_show_pseudonyms_and_withhold_small_aggregates() throws Exception {
    String trainer = login("trainer");
    String id = transcoded(trainer, "Anonymous video");
    api().post("api/v1/videos/" + id + "/quiz", trainer, quiz("Which?", 2));
    approve(id);
    String quizId = api().get("api/v1/videos/" + id + "/quiz", trainer).json().getString("id");
    assertEquals(200, api().put("api/v1/tenant/settings", login("admin"), settings(true)).status());

    for (int i = 1; i <= 4; i++) {
      attempt(login("employee" + i), quizId, List.of(List.of(1), List.of(i % 2)));
    }
    JsonObject four = api().get("api/v1/quizzes/" + quizId + "/results", trainer).json();
    assertTrue(four.getBoolean("anonymised"));
    assertEquals(4, four.getInt("participants"));
    assertTrue(!four.containsKey("passRate") || four.isNull("passRate"), "withheld under 5");
    attempt(login("employee5"), quizId, List.of(List.of(1), List.of(1)));
    RestClient.Reply five = api().get("api/v1/quizzes/" + quizId + "/results", trainer);
    assertEquals(60, five.json().getInt("passRate"), five.body());
    assertEquals(
        List.of(100, 60),
        five.json().getJsonArray("difficulty").getValuesAs(jakarta.json.JsonNumber.class).stream()
            .map(n -> n.intValue())
            .toList());
    String csv =
        new String(api().download("api/v1/quizzes/" + quizId + "/results.csv", trainer).body());
    for (int i = 1; i <= 5; i++) {
      for (String leak : List.of("Employee " + i, "employee" + i + "@demo.example")) {
        assertFalse(five.body().contains(leak), leak + " in " + five.body());
        assertFalse(csv.contains(leak), leak + " in CSV");
      }
    }
    JsonObject row = five.json().getJsonArray("rows").getJsonObject(0);
    assertTrue(row.getString("participant").startsWith("P-"), row.toString());
    assertTrue(!row.containsKey("userId") || row.isNull("userId"));
    assertEquals(
        row.getString("participant"),
        api()
            .get("api/v1/quizzes/" + quizId + "/results", trainer)
            .json()
            .getJsonArray("rows")
            .getJsonObject(0)
            .getString("participant"),
        "stable pseudonym");
  }

  @Test
  void quiz_texts_answers_and_outcomes_are_sealed_and_bound_to_their_row() throws Exception {
    String canary = "QZ" + UUID.randomUUID().toString().replace("-", "");
    String trainer = login("trainer");
    String id = transcoded(trainer, "Sealed video");
    api().post("api/v1/videos/" + id + "/quiz", trainer, quiz(canary, 2));
    approve(id);
    String quizId = api().get("api/v1/videos/" + id + "/quiz", trainer).json().getString("id");
    String first = login("employee1");
    String second = login("employee2");
    assertEquals(201, attempt(first, quizId, List.of(List.of(1), List.of(1))).status());
    assertEquals(201, attempt(second, quizId, List.of(List.of(0), List.of(0))).status());

    String results = "api/v1/quizzes/" + quizId + "/results";
    assertEquals(200, api().get(results, trainer).status(), "control");

    try (Connection db = db()) {
      String dataDir = single(db, "SELECT @@datadir");
      assertFalse(TestMedia.filesContaining(Path.of(dataDir), quizId).isEmpty(), "control");
      assertTrue(TestMedia.filesContaining(Path.of(dataDir), canary).isEmpty(), "quiz text");
      // Score and passed are sealed as one outcome: nothing in clear, and a pass with 100 is a
      // ciphertext as long as a fail with 0.
      List<String[]> outcomes = outcomes(db, quizId);
      assertEquals(2, outcomes.size());
      for (String[] o : outcomes) {
        assertEquals("null null", o[1] + " " + o[2], "score and passed in clear");
        assertTrue(o[3].startsWith("f2:"), o[3]);
      }
      assertEquals(outcomes.get(0)[3].length(), outcomes.get(1)[3].length(), "fixed length");
      // The first employee's sealed pass moved into the second one's row: it must not open.
      String secondId = outcomes.get(1)[0];
      setOutcome(db, secondId, outcomes.get(0)[3]);
      assertNotEquals(200, api().get(results, trainer).status(), "moved outcome, results");
      assertNotEquals(200, api().get("api/v1/quizzes/" + quizId + "/attempts", second).status());
      assertEquals(200, api().get("api/v1/quizzes/" + quizId + "/attempts", first).status());
      setOutcome(db, secondId, outcomes.get(1)[3]);
      assertEquals(200, api().get(results, trainer).status(), "its own outcome opens again");
      assertEquals(200, api().get("api/v1/quizzes/" + quizId + "/attempts", second).status());

      // The first employee's sealed answers moved into the second one's row: they must not open.
      try (PreparedStatement move =
          db.prepareStatement(
              "UPDATE quiz_attempt a JOIN quiz_attempt b ON b.quiz_id = a.quiz_id"
                  + " SET b.answers = a.answers WHERE a.quiz_id = ? AND a.number = 1"
                  + " AND b.number = 1 AND a.user_id <> b.user_id AND a.answers <> b.answers"
                  + " AND a.started_at < b.started_at")) {
        move.setString(1, quizId);
        assertEquals(1, move.executeUpdate());
      }
    }
    assertNotEquals(200, api().get("api/v1/quizzes/" + quizId + "/attempts", second).status());
  }

  @Test
  void two_attempts_submitted_at_once_count_once() throws Exception {
    String trainer = login("trainer");
    String id = transcoded(trainer, "Race quiz");
    api().post("api/v1/videos/" + id + "/quiz", trainer, quiz("Race?", 1));
    approve(id);
    String quizId = api().get("api/v1/videos/" + id + "/quiz", trainer).json().getString("id");
    String employee = login("employee4");
    List<List<Integer>> answers = List.of(List.of(1), List.of(1));
    CompletableFuture<Integer> a =
        CompletableFuture.supplyAsync(() -> status(employee, quizId, answers));
    CompletableFuture<Integer> b =
        CompletableFuture.supplyAsync(() -> status(employee, quizId, answers));
    List<Integer> statuses = List.of(a.get(60, TimeUnit.SECONDS), b.get(60, TimeUnit.SECONDS));
    assertTrue(statuses.contains(201) && statuses.contains(409), statuses.toString());
    assertEquals(1, api().get("api/v1/quizzes/" + quizId + "/attempts", employee).array().size());
  }

  private int status(String token, String quizId, List<List<Integer>> answers) {
    try {
      return attempt(token, quizId, answers).status();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Two questions: single choice (option 1 right) and true/false ("false" right). */
  private static JsonObject quiz(String text, int maxAttempts) {
    return Json.createObjectBuilder()
        .add(
            "questions",
            Json.createArrayBuilder()
                .add(
                    question(
                        "SINGLE_CHOICE",
                        text,
                        Json.createArrayBuilder()
                            .add(option("Left", false, "No, that is the store room"))
                            .add(option("Right", true, "Yes"))))
                .add(
                    question(
                        "TRUE_FALSE",
                        "Ladders may be painted",
                        Json.createArrayBuilder()
                            .add(option("true", false, "Paint hides cracks"))
                            .add(option("false", true, null)))))
        .add("passMark", 100)
        .add("maxAttempts", maxAttempts)
        .add("counting", "BEST")
        .add("shuffleQuestions", true)
        .add("shuffleOptions", true)
        .build();
  }

  private static JsonObject question(String type, String text, JsonArrayBuilder options) {
    return Json.createObjectBuilder()
        .add("type", type)
        .add("text", text)
        .add("options", options)
        .add("mandatory", false)
        .build();
  }

  private static JsonObject option(String text, boolean correct, String feedback) {
    var option = Json.createObjectBuilder().add("text", text).add("correct", correct);
    if (feedback != null) {
      option.add("feedback", feedback);
    }
    return option.build();
  }

  private RestClient.Reply attempt(String token, String quizId, List<List<Integer>> answers)
      throws Exception {
    return demo().attempt(token, quizId, answers);
  }

  private void approve(String id) throws Exception {
    demo().approve(id);
  }

  private String transcoded(String trainer, String title) throws Exception {
    Path clip = TestMedia.clip(media, UUID.randomUUID() + ".mp4", "320x240", 3, title);
    return demo().transcoded(trainer, title, clip);
  }

  private void setRoles(String admin, String who, String role) throws Exception {
    demo().setRoles(admin, "demo", who, role);
  }

  private static JsonObject settings(boolean anonymise) {
    return DemoTenants.settings(anonymise, true, 1);
  }

  private static Connection db() throws Exception {
    return DriverManager.getConnection(
        System.getenv("KURSFILM_DB_URL"),
        System.getenv("KURSFILM_DB_USER"),
        System.getenv("KURSFILM_DB_PASSWORD"));
  }

  /** (id, score, passed, outcome) of the quiz's attempts as stored, in the order started. */
  private static List<String[]> outcomes(Connection db, String quizId) throws Exception {
    List<String[]> rows = new ArrayList<>();
    try (PreparedStatement select =
        db.prepareStatement(
            "SELECT id, score, passed, outcome FROM quiz_attempt WHERE quiz_id = ?"
                + " ORDER BY started_at")) {
      select.setString(1, quizId);
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          rows.add(
              new String[] {
                row.getString(1), row.getString(2), row.getString(3), row.getString(4)
              });
        }
      }
    }
    return rows;
  }

  private static void setOutcome(Connection db, String attemptId, String outcome) throws Exception {
    try (PreparedStatement update =
        db.prepareStatement("UPDATE quiz_attempt SET outcome = ? WHERE id = ?")) {
      update.setString(1, outcome);
      update.setString(2, attemptId);
      assertEquals(1, update.executeUpdate());
    }
  }

  private static String single(Connection db, String sql) throws Exception {
    try (ResultSet row = db.createStatement().executeQuery(sql)) {
      row.next();
      return row.getString(1);
    }
  }

  private DemoTenants demo() {
    return new DemoTenants(base);
  }

  private RestClient api() {
    return demo().api();
  }

  private String login(String who) throws Exception {
    return demo().login(who);
  }

  private String foreign(String who) throws Exception {
    return demo().login("acme", who);
  }
}
