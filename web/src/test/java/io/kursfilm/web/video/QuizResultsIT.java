package io.kursfilm.web.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kursfilm.web.ItEnvironment;
import io.kursfilm.web.journey.Browser;
import io.kursfilm.web.testing.DemoTenants;
import io.kursfilm.web.testing.RestClient;
import io.kursfilm.web.testing.SharedApp;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What QuizIT leaves out: the tenant admin's completion view (names and completed yes/no, never a
 * score, also while results are anonymised) and bad input to quizzes and attempts, each refused
 * with the API's error body and nothing stored, counted in the database.
 */
@ExtendWith(SharedApp.class)
class QuizResultsIT {

  final URL base = SharedApp.base();
  @TempDir static Path media;

  /** One approved video with a quiz and one never approved, shared by the tests (lazily made). */
  private static String publishedVideo;

  private static String publishedQuiz;
  private static String draftVideo;

  @BeforeAll
  static void s3() throws Exception {
    ItEnvironment.s3();
  }

  @AfterEach
  void restore() throws Exception {
    api().put("api/v1/tenant/settings", login("admin"), DemoTenants.settings(false, true, 1));
  }

  @Test
  void admins_see_who_completed_by_name_and_nothing_of_the_scores() throws Exception {
    String quizId = published();
    String passer = login("employee1");
    assertEquals(201, attempt(passer, quizId, List.of(List.of(1), List.of(1))).status());
    String failer = login("employee2");
    assertEquals(201, attempt(failer, quizId, List.of(List.of(0), List.of(0))).status());
    String admin = login("admin");
    String path = "api/v1/videos/" + publishedVideo + "/completion";

    for (boolean anonymised : List.of(false, true)) {
      assertEquals(
          200,
          api()
              .put("api/v1/tenant/settings", admin, DemoTenants.settings(anonymised, true, 1))
              .status());
      RestClient.Reply reply = api().get(path, admin);
      assertEquals(200, reply.status(), reply.body());
      for (String leak : List.of("score", "attempt", "passed", "failed", "P-")) {
        assertFalse(reply.body().contains(leak), leak + " in " + reply.body());
      }
      Map<String, JsonObject> rows =
          reply.json().getJsonArray("rows").stream()
              .map(JsonValue::asJsonObject)
              // Other test classes add people who may share a name: the seeded ones are unique.
              .filter(r -> r.getString("name").startsWith("Employee "))
              .collect(Collectors.toMap(r -> r.getString("name"), Function.identity()));
      for (int i = 1; i <= 5; i++) {
        assertTrue(rows.containsKey("Employee " + i), "every employee, anonymised " + anonymised);
      }
      assertFalse(reply.body().contains("\"Trainer\""), "employees only");
      JsonObject done = rows.get("Employee 1");
      assertTrue(done.getBoolean("completed"), done.toString());
      assertNotNull(done.getString("completedAt"));
      assertEquals(1, done.getInt("quizNumber"));
      // Failed and never attempted read the same: only the name and id differ.
      assertEquals(
          strip(rows.get("Employee 2")), strip(rows.get("Employee 3")), "failed = not attempted");
      assertFalse(rows.get("Employee 2").getBoolean("completed"));
    }

    String csv = new String(api().download(path + "/csv", admin).body(), StandardCharsets.UTF_8);
    assertTrue(csv.startsWith("\"name\",\"completed\",\"completed_at\",\"quiz_version\""), csv);
    assertTrue(csv.contains("\"Employee 1\",\"true\""), csv);
    assertTrue(
        api().get("api/v1/completion", admin).array().stream()
            .anyMatch(v -> publishedVideo.equals(v.asJsonObject().getString("videoId"))));
    long reads =
        api().get("api/v1/audit?action=COMPLETION_READ", admin).array().stream()
            .filter(e -> publishedVideo.equals(e.asJsonObject().getString("subjectId", "")))
            .count();
    assertTrue(reads >= 2, "every read audited: " + reads);
  }

  @Test
  void completion_is_for_the_tenants_admins_only() throws Exception {
    published();
    String path = "api/v1/videos/" + publishedVideo + "/completion";
    for (String other : List.of("trainer", "critic", "employee1")) {
      RestClient.Reply denied = api().get(path, login(other));
      assertEquals(403, denied.status(), other);
      assertError(denied);
      assertEquals(403, api().download(path + "/csv", login(other)).status(), other);
      assertEquals(403, api().get("api/v1/completion", login(other)).status(), other);
    }
    String foreignAdmin = foreign("admin");
    RestClient.Reply foreign = api().get(path, foreignAdmin);
    assertEquals(404, foreign.status(), foreign.body());
    assertError(foreign);
    assertEquals(404, api().download(path + "/csv", foreignAdmin).status());
    assertTrue(
        api().get("api/v1/completion", foreignAdmin).array().stream()
            .noneMatch(v -> publishedVideo.equals(v.asJsonObject().getString("videoId"))));
    assertEquals(
        404,
        api().get("api/v1/videos/" + UUID.randomUUID() + "/completion", login("admin")).status());
  }

  @Test
  void a_bad_quiz_is_refused_and_nothing_is_stored() throws Exception {
    String trainer = login("trainer");
    String video = draft();
    String save = "api/v1/videos/" + video + "/quiz";
    JsonObject tooManyOptions =
        definition(
            Json.createArrayBuilder().add(question("SINGLE_CHOICE", "Which?", options(10_000))),
            100,
            1);
    Map<String, JsonObject> bad =
        Map.of(
            "no questions", definition(Json.createArrayBuilder(), 100, 1),
            "10 000 options", tooManyOptions,
            "passMark -1", quiz("Mark?", -1, 1),
            "passMark 101", quiz("Mark?", 101, 1),
            "maxAttempts 0", quiz("Tries?", 100, 0));
    for (Map.Entry<String, JsonObject> quiz : bad.entrySet()) {
      long before = count("SELECT COUNT(*) FROM quiz WHERE video_id = ?", video);
      RestClient.Reply refused = api().post(save, trainer, quiz.getValue());
      assertEquals(400, refused.status(), quiz.getKey() + ": " + refused.body());
      assertError(refused);
      assertEquals(
          before,
          count("SELECT COUNT(*) FROM quiz WHERE video_id = ?", video),
          quiz.getKey() + " stored");
    }
  }

  @Test
  void bad_answers_are_refused_and_no_attempt_is_stored() throws Exception {
    String quizId = published();
    String employee = login("employee4");
    Map<String, List<List<Integer>>> bad =
        Map.of(
            "an option that does not exist", List.of(List.of(5), List.of(1)),
            "a negative option", List.of(List.of(-1), List.of(1)),
            "too few answers", List.of(List.of(1)),
            "too many answers", List.of(List.of(1), List.of(1), List.of(0)));
    for (Map.Entry<String, List<List<Integer>>> answers : bad.entrySet()) {
      long before = attempts(quizId);
      RestClient.Reply refused = attempt(employee, quizId, answers.getValue());
      assertEquals(400, refused.status(), answers.getKey() + ": " + refused.body());
      assertError(refused);
      assertEquals(before, attempts(quizId), answers.getKey() + " stored an attempt");
    }

    // Answered one by one: a bad answer leaves the open attempt as it was.
    RestClient.Reply open =
        api().post("api/v1/quizzes/" + quizId + "/attempts/open", employee, DemoTenants.empty());
    assertEquals(200, open.status(), open.body());
    String attemptId = open.json().getString("id");
    RestClient.Reply refused =
        api()
            .put(
                "api/v1/quizzes/" + quizId + "/attempts/" + attemptId + "/answers/0",
                employee,
                Json.createObjectBuilder()
                    .add("options", Json.createArrayBuilder().add(9))
                    .build());
    assertEquals(400, refused.status(), refused.body());
    assertError(refused);
    JsonObject stored =
        api().get("api/v1/quizzes/" + quizId + "/attempts", employee).array().getJsonObject(0);
    assertEquals(0, stored.getJsonArray("answers").getJsonArray(0).size(), stored.toString());
  }

  @Test
  void attempts_beyond_the_limit_unpublished_or_foreign_quizzes_store_nothing() throws Exception {
    String quizId = published();
    String employee = login("employee5");
    List<List<Integer>> answers = List.of(List.of(0), List.of(1));
    assertEquals(201, attempt(employee, quizId, answers).status());
    assertEquals(201, attempt(employee, quizId, answers).status());
    long used = attempts(quizId);
    RestClient.Reply beyond = attempt(employee, quizId, answers);
    assertEquals(409, beyond.status(), beyond.body());
    assertError(beyond);
    assertEquals(used, attempts(quizId), "the limit is 2");

    String trainer = login("trainer");
    String video = draft();
    assertEquals(
        201,
        api().post("api/v1/videos/" + video + "/quiz", trainer, quiz("Draft?", 0, 1)).status());
    String draftQuiz =
        api().get("api/v1/videos/" + video + "/quiz", trainer).json().getString("id");
    JsonObject draftVersion =
        api().get("api/v1/videos/" + video + "/quiz/versions", trainer).array().getJsonObject(0);
    assertEquals(draftQuiz, draftVersion.getString("id"));
    assertFalse(draftVersion.getBoolean("published"), draftVersion.toString());
    assertTrue(
        api().get("api/v1/videos/" + publishedVideo + "/quiz/versions", trainer).array().stream()
            .map(JsonValue::asJsonObject)
            .anyMatch(v -> v.getString("id").equals(quizId) && v.getBoolean("published")));
    RestClient.Reply unpublished = attempt(employee, draftQuiz, answers);
    assertEquals(404, unpublished.status(), unpublished.body());
    assertError(unpublished);
    assertEquals(0, attempts(draftQuiz));

    RestClient.Reply foreign = attempt(foreign("employee1"), quizId, answers);
    assertEquals(404, foreign.status(), foreign.body());
    assertError(foreign);
    assertEquals(used, attempts(quizId));
  }

  @Test
  void the_trainer_sees_the_results_page_and_downloads_the_csv_the_admin_sees_completion()
      throws Exception {
    String quizId = published();
    attempt(login("employee3"), quizId, List.of(List.of(0), List.of(1)));
    String admin = login("admin");
    api().put("api/v1/tenant/settings", admin, DemoTenants.settings(true, true, 1));
    URL site = ItEnvironment.publicBase();
    ChromeDriver browser = Browser.start("en");
    try {
      logIn(browser, site, "trainer", "trainer-home");
      String page = site + "trainer/results.xhtml?video=" + publishedVideo;
      browser.get(page);
      wait(browser).until(d -> d.findElement(By.id("resultsAnonymised")));
      assertTrue(
          browser.findElements(By.cssSelector("#resultsTable .kf-participant")).stream()
              .allMatch(p -> p.getText().startsWith("P-")),
          "pseudonyms only");
      api().put("api/v1/tenant/settings", admin, DemoTenants.settings(false, true, 1));
      browser.get(page);
      assertEquals(
          "false",
          wait(browser)
              .until(d -> d.findElement(By.id("anonymiseChanged")))
              .getAttribute("data-anonymised"),
          "the trainer sees that anonymisation was switched off");
      assertTrue(browser.findElements(By.id("resultsAnonymised")).isEmpty());
      assertEquals(
          browser.findElement(By.id("resultsPassRate")).getText().equals("withheld"),
          !browser.findElements(By.id("resultsWithheld")).isEmpty(),
          "the banner explains a withheld pass rate");

      browser.get(site + "trainer/video.xhtml?id=" + publishedVideo);
      wait(browser).until(d -> d.findElement(By.id("resultsLink"))).click();
      wait(browser).until(d -> d.findElement(By.cssSelector("h1[data-page='trainer-results']")));
      assertEquals("SHOWN", browser.findElement(By.id("pageTitle")).getAttribute("data-status"));
      assertFalse(browser.findElements(By.cssSelector("#resultsTable tr.kf-result-row")).isEmpty());
      assertTrue(
          Integer.parseInt(browser.findElement(By.id("resultsParticipants")).getText()) >= 1);
      assertFalse(browser.findElement(By.id("resultsPassRate")).getText().isBlank());
      String href = browser.findElement(By.id("resultsCsv")).getAttribute("href");
      HttpResponse<String> csv =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(href))
                      .header("Cookie", cookies(browser))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertEquals(200, csv.statusCode(), csv.body());
      assertTrue(csv.body().startsWith("\"participant\""), csv.body());

      logIn(browser, site, "admin", "admin-home");
      browser.findElement(By.id("menuCompletion")).click();
      wait(browser).until(d -> d.findElement(By.id("completionVideo")));
      new Select(browser.findElement(By.id("completionVideo"))).selectByValue(publishedVideo);
      browser.findElement(By.id("completionShow")).click();
      wait(browser).until(d -> d.findElement(By.id("completionTable")));
      String table = browser.findElement(By.id("completionTable")).getText();
      assertTrue(table.contains("Employee 1"), table);
      assertFalse(table.contains("%"), "no score: " + table);
    } finally {
      browser.quit();
    }
  }

  private static void logIn(ChromeDriver browser, URL site, String who, String startPage) {
    browser.manage().deleteAllCookies();
    browser.get(site + "login.xhtml");
    browser.findElement(By.id("login:tenant")).sendKeys("demo");
    browser.findElement(By.id("login:email")).sendKeys(DemoTenants.email("demo", who));
    browser.findElement(By.id("login:password")).sendKeys(ItEnvironment.demoPassword());
    browser.findElement(By.id("login:submit")).click();
    wait(browser).until(d -> d.findElement(By.cssSelector("h1[data-page='" + startPage + "']")));
  }

  private static WebDriverWait wait(ChromeDriver browser) {
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    wait.ignoring(NoSuchElementException.class);
    return wait;
  }

  private static String cookies(ChromeDriver browser) {
    return browser.manage().getCookies().stream()
        .map(c -> c.getName() + "=" + c.getValue())
        .collect(Collectors.joining("; "));
  }

  private static void assertError(RestClient.Reply reply) {
    JsonObject body = reply.json();
    assertFalse(body.getString("error").isBlank(), reply.body());
    assertFalse(body.getString("message").isBlank(), reply.body());
  }

  /** A completion row without who it is. */
  private static JsonObject strip(JsonObject row) {
    return Json.createObjectBuilder(row).remove("name").remove("userId").build();
  }

  /** The approved video's quiz: two questions, passMark 100, two attempts. */
  private synchronized String published() throws Exception {
    if (publishedQuiz == null) {
      String trainer = login("trainer");
      String video = transcoded(trainer, "Completion video");
      RestClient.Reply saved =
          api().post("api/v1/videos/" + video + "/quiz", trainer, quiz("Exit?", 100, 2));
      assertEquals(201, saved.status(), saved.body());
      new DemoTenants(base).approve(video);
      publishedVideo = video;
      publishedQuiz = saved.json().getString("id");
    }
    return publishedQuiz;
  }

  /** A video in review that is never approved. */
  private synchronized String draft() throws Exception {
    if (draftVideo == null) {
      draftVideo = transcoded(login("trainer"), "Draft video");
    }
    return draftVideo;
  }

  private String transcoded(String trainer, String title) throws Exception {
    Path clip = TestMedia.clip(media, UUID.randomUUID() + ".mp4", "320x240", 3, title);
    return new DemoTenants(base).transcoded(trainer, title, clip);
  }

  /** Single choice (option 1 right) and true/false ("false" right). */
  private static JsonObject quiz(String text, int passMark, int maxAttempts) {
    return definition(
        Json.createArrayBuilder()
            .add(question("SINGLE_CHOICE", text, options(2)))
            .add(
                question(
                    "TRUE_FALSE",
                    "Ladders may be painted",
                    Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("text", "true").add("correct", false))
                        .add(
                            Json.createObjectBuilder().add("text", "false").add("correct", true)))),
        passMark,
        maxAttempts);
  }

  private static JsonObject definition(JsonArrayBuilder questions, int passMark, int maxAttempts) {
    return Json.createObjectBuilder()
        .add("questions", questions)
        .add("passMark", passMark)
        .add("maxAttempts", maxAttempts)
        .add("counting", "BEST")
        .add("shuffleQuestions", false)
        .add("shuffleOptions", false)
        .build();
  }

  private static JsonObjectBuilder question(String type, String text, JsonArrayBuilder options) {
    return Json.createObjectBuilder()
        .add("type", type)
        .add("text", text)
        .add("options", options)
        .add("mandatory", false);
  }

  /** {@code n} options, the second one right. */
  private static JsonArrayBuilder options(int n) {
    JsonArrayBuilder options = Json.createArrayBuilder();
    for (int i = 0; i < n; i++) {
      options.add(Json.createObjectBuilder().add("text", "Option " + i).add("correct", i == 1));
    }
    return options;
  }

  private RestClient.Reply attempt(String token, String quizId, List<List<Integer>> answers)
      throws Exception {
    return demo().attempt(token, quizId, answers);
  }

  /** Rows of the quiz's attempts (open or submitted) in the database. */
  private static long attempts(String quizId) throws Exception {
    return count("SELECT COUNT(*) FROM quiz_attempt WHERE quiz_id = ?", quizId);
  }

  private static long count(String sql, String id) throws Exception {
    try (Connection db =
            DriverManager.getConnection(
                System.getenv("KURSFILM_DB_URL"),
                System.getenv("KURSFILM_DB_USER"),
                System.getenv("KURSFILM_DB_PASSWORD"));
        PreparedStatement query = db.prepareStatement(sql)) {
      query.setString(1, id);
      try (ResultSet row = query.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
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
    return new DemoTenants(base).login("acme", who);
  }
}
