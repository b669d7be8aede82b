package io.kursfilm.web.learning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kursfilm.web.ItEnvironment;
import io.kursfilm.web.testing.RestClient;
import io.kursfilm.web.testing.SharedApp;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Watch progress through the REST API on the real stack: reports give the share really watched, the
 * resume position is kept on the server, seeking completes nothing, watching ≥ 90 % does (with a
 * quiz only once it is passed), bad reports are refused whole, floods are throttled, and another
 * tenant's video does not exist. Each test uses its own demo employee.
 */
@ExtendWith(SharedApp.class)
class ProgressIT {

  final URL base = SharedApp.base();
  @TempDir static Path media;
  private static String plain;

  @BeforeAll
  static void s3() throws Exception {
    ItEnvironment.s3();
  }

  @Test
  void a_report_gives_the_share_and_the_position_resumes_on_another_device() throws Exception {
    String phone = login("employee1");
    RestClient.Reply reply = learning().report(phone, plain(), List.of(span(0, 5)), 5.0);
    assertEquals(200, reply.status(), reply.body());
    assertEquals(0.25, reply.json().getJsonNumber("watchedShare").doubleValue(), 1e-9);
    assertFalse(reply.json().getBoolean("completed"));

    String laptop = login("employee1");
    JsonObject resumed = api().get("api/v1/progress/" + plain(), laptop).json();
    assertEquals(5.0, resumed.getJsonNumber("position").doubleValue(), 1e-9);
    assertEquals(0.25, resumed.getJsonNumber("watchedShare").doubleValue(), 1e-9);
    assertFalse(resumed.getBoolean("completed"));

    try (Connection db = db();
        PreparedStatement q =
            db.prepareStatement("SELECT state FROM watch_progress WHERE video_id = ?")) {
      q.setString(1, plain());
      try (ResultSet rows = q.executeQuery()) {
        while (rows.next()) {
          assertTrue(rows.getString(1).startsWith("f2:"), "watched segments and position sealed");
        }
      }
    }

    List<JsonObject> continuing = continueWatching(laptop);
    assertEquals(plain(), continuing.get(0).getString("videoId"), continuing.toString());
    assertEquals(5.0, continuing.get(0).getJsonNumber("position").doubleValue(), 1e-9);
  }

  @Test
  void seeking_to_the_end_completes_nothing_and_real_watching_completes_once() throws Exception {
    String employee = login("employee2");
    assertEquals(200, learning().report(employee, plain(), List.of(span(0, 2)), 2.0).status());
    RestClient.Reply atEnd = learning().report(employee, plain(), List.of(span(19.5, 20)), 20.0);
    assertEquals(200, atEnd.status(), atEnd.body());
    assertFalse(atEnd.json().getBoolean("completed"), atEnd.body());
    assertTrue(atEnd.json().getJsonNumber("watchedShare").doubleValue() < 0.2, atEnd.body());

    RestClient.Reply watched =
        learning().report(employee, plain(), List.of(span(2, 10), span(9.8, 18.3)), 18.3);
    assertEquals(200, watched.status(), watched.body());
    assertTrue(watched.json().getBoolean("completed"), watched.body());
    JsonObject after = api().get("api/v1/progress/" + plain(), employee).json();
    assertTrue(after.getBoolean("completed"), after.toString());
    assertEquals(0.0, after.getJsonNumber("watchedShare").doubleValue(), 1e-9, "starts over");
    assertTrue(after.containsKey("completedAt"), after.toString());
  }

  @Test
  void with_a_quiz_the_video_completes_only_once_the_quiz_is_passed() throws Exception {
    String trainer = login("trainer");
    String id = learning().published("Progress quiz video", "With a quiz", "quiz", "en");
    RestClient.Reply saved = api().post("api/v1/videos/" + id + "/quiz", trainer, quiz());
    assertEquals(201, saved.status(), saved.body());
    learning().demo().approve(id);
    String employee = login("employee3");
    String quizId =
        api().get("api/v1/videos/" + id + "/quiz/take", employee).json().getString("id");

    RestClient.Reply all = learning().report(employee, id, List.of(span(0, 20)), 10.0);
    assertEquals(200, all.status(), all.body());
    assertEquals(1.0, all.json().getJsonNumber("watchedShare").doubleValue(), 1e-9);
    assertFalse(all.json().getBoolean("completed"), "the quiz is not passed yet");
    RestClient.Reply failed =
        learning().demo().attempt(employee, quizId, List.of(List.of(0), List.of(1)));
    assertEquals(201, failed.status(), failed.body());
    assertFalse(api().get("api/v1/progress/" + id, employee).json().getBoolean("completed"));
    assertTrue(
        continueWatching(employee).stream().anyMatch(p -> p.getString("videoId").equals(id)));

    RestClient.Reply passed =
        learning().demo().attempt(employee, quizId, List.of(List.of(1), List.of(1)));
    assertEquals(201, passed.status(), passed.body());
    JsonObject after = api().get("api/v1/progress/" + id, employee).json();
    assertTrue(after.getBoolean("completed"), after.toString());
    assertFalse(
        continueWatching(employee).stream().anyMatch(p -> p.getString("videoId").equals(id)));
  }

  @Test
  void bad_reports_are_refused_and_change_nothing() throws Exception {
    String employee = login("employee4");
    assertEquals(200, learning().report(employee, plain(), List.of(span(0, 3)), 3.0).status());
    List<RestClient.Reply> refused = new ArrayList<>();
    refused.add(learning().report(employee, plain(), List.of(span(0, 5), span(8, 6)), 7.0));
    refused.add(learning().report(employee, plain(), List.of(span(-1, 5)), 4.0));
    refused.add(learning().report(employee, plain(), List.of(span(0, 25)), 4.0));
    refused.add(learning().report(employee, plain(), List.of(new double[] {4}), 4.0));
    refused.add(learning().report(employee, plain(), List.of(span(3, 9)), -2.0));
    refused.add(learning().report(employee, plain(), List.of(span(3, 9)), 500.0));
    List<double[]> many = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      many.add(span(i * 0.03, i * 0.03 + 0.01));
    }
    refused.add(learning().report(employee, plain(), many, 4.0));
    refused.add(
        api()
            .post(
                "api/v1/progress",
                employee,
                Json.createObjectBuilder()
                    .add("videoId", plain())
                    .add(
                        "intervals",
                        Json.createArrayBuilder().add(Json.createArrayBuilder().add("a").add(2)))
                    .build()));
    refused.add(
        api()
            .post(
                "api/v1/progress",
                employee,
                Json.createObjectBuilder().add("intervals", Json.createArrayBuilder()).build()));
    for (RestClient.Reply r : refused) {
      assertEquals(400, r.status(), r.body());
      assertTrue(r.json().containsKey("error") && r.json().containsKey("message"), r.body());
    }
    RestClient.Reply unknown =
        learning()
            .report(employee, "00000000-0000-0000-0000-000000000000", List.of(span(0, 1)), 1.0);
    assertEquals(404, unknown.status(), unknown.body());

    JsonObject stored = api().get("api/v1/progress/" + plain(), employee).json();
    assertEquals(3.0, stored.getJsonNumber("position").doubleValue(), 1e-9, stored.toString());
    assertEquals(0.15, stored.getJsonNumber("watchedShare").doubleValue(), 1e-9, stored.toString());
  }

  @Test
  void a_flood_of_reports_is_throttled_with_nothing_stored() throws Exception {
    String employee = login("employee5");
    double lastAccepted = -1;
    RestClient.Reply throttled = null;
    for (int i = 1; i <= 250; i++) {
      double position = i % 20;
      RestClient.Reply r = learning().report(employee, plain(), List.of(span(0, 0.5)), position);
      if (r.status() == 200) {
        lastAccepted = position;
      } else {
        assertEquals(429, r.status(), r.body());
        assertEquals("throttled", r.json().getString("error"), r.body());
        throttled = r;
      }
    }
    assertTrue(throttled != null, "250 reports in a row were all accepted");
    assertTrue(throttled.retryAfter().isPresent());
    JsonObject stored = api().get("api/v1/progress/" + plain(), employee).json();
    assertEquals(lastAccepted, stored.getJsonNumber("position").doubleValue(), 1e-9);
  }

  @Test
  void another_tenants_video_does_not_exist() throws Exception {
    String foreign = learning().demo().login("acme", "employee1");
    assertEquals(404, learning().report(foreign, plain(), List.of(span(0, 5)), 5.0).status());
    assertEquals(404, api().get("api/v1/progress/" + plain(), foreign).status());
    assertFalse(api().get("api/v1/progress", foreign).body().contains(plain()));
  }

  private List<JsonObject> continueWatching(String token) throws Exception {
    RestClient.Reply reply = api().get("api/v1/progress?continue=true", token);
    assertEquals(200, reply.status(), reply.body());
    return reply.array().stream().map(JsonValue::asJsonObject).toList();
  }

  /** One published video without a quiz, shared by the tests (each with its own employee). */
  private synchronized String plain() throws Exception {
    if (plain == null) {
      plain = learning().published("Progress video", "Watching it", "progress", "de");
    }
    return plain;
  }

  private static Connection db() throws Exception {
    return DriverManager.getConnection(
        System.getenv("KURSFILM_DB_URL"),
        System.getenv("KURSFILM_DB_USER"),
        System.getenv("KURSFILM_DB_PASSWORD"));
  }

  private static double[] span(double from, double to) {
    return new double[] {from, to};
  }

  private static JsonObject quiz() {
    return LearningMedia.quiz();
  }

  private LearningMedia learning() {
    return new LearningMedia(base, media);
  }

  private RestClient api() {
    return learning().api();
  }

  private String login(String who) throws Exception {
    return learning().demo().login(who);
  }
}
