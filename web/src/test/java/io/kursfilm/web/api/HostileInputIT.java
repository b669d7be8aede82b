package io.kursfilm.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.kursfilm.web.ItEnvironment;
import io.kursfilm.web.testing.JsonEndpoints;
import io.kursfilm.web.testing.RawHttp;
import io.kursfilm.web.testing.RawHttp.Reply;
import io.kursfilm.web.testing.RestClient;
import io.kursfilm.web.testing.SharedApp;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.File;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Hostile clients at the REST boundary, black-box against the shipped war: bodies that made a
 * thread spin forever or answered 500, oversized bodies, racing completions of one upload, control
 * and direction-override characters in free text, and numbers that do not fit their field. Every
 * refusal must be a quick 4xx with the API's {@code {"error","message"}} body.
 */
@ExtendWith(SharedApp.class)
class HostileInputIT {

  private static final String PW = ItEnvironment.demoPassword();

  /** The reproducer of the endless loop in Parsson's skip (eclipse-ee4j/parsson#23). */
  private static final String UNTERMINATED = "{\"a\":".repeat(1000);

  /** Well above any answer that involves no parsing, well below "hangs". */
  private static final Duration QUICK = Duration.ofSeconds(5);

  final URL base = SharedApp.base();

  @BeforeAll
  static void s3() throws Exception {
    ItEnvironment.s3();
  }

  private RestClient api() {
    return new RestClient(base);
  }

  private RawHttp raw;

  @BeforeEach
  void client() {
    raw = new RawHttp(base);
  }

  private String login(String tenant, String email) throws Exception {
    return api().login(tenant, email, PW);
  }

  // --- A: no JSON body can make a thread loop ------------------------------------------------

  @Test
  void unterminated_json_is_refused_quickly_by_every_json_endpoint() throws Exception {
    List<JsonEndpoints.Endpoint> endpoints =
        JsonEndpoints.in(new File(System.getProperty("kursfilm.it.war")));
    assertTrue(
        endpoints.contains(new JsonEndpoints.Endpoint("POST", "api/v1/sessions")),
        endpoints.toString());
    assertTrue(endpoints.size() >= 10, "discovery found too few: " + endpoints);
    String admin = login("demo", "admin@demo.example");

    for (JsonEndpoints.Endpoint e : endpoints) {
      for (String token : new String[] {null, admin}) {
        // Fails at the first endpoint that does not answer: before the fix each miss leaves a
        // server thread spinning until Payara stops.
        Reply reply = send(e.method(), e.path(), token, "application/json", UNTERMINATED);
        assertBadRequest(e + (token == null ? " anonymous" : " as admin"), reply);
      }
    }
  }

  // --- B: malformed or mistyped JSON is a 400, oversized bodies a 413 -----------------------

  @Test
  void malformed_or_mistyped_login_bodies_get_400() throws Exception {
    List<String> bodies =
        List.of(
            "{\"tenant\":\"demo\",\"email\":\"a@demo.example\",\"pass",
            "[]",
            "\"x\"",
            "42",
            "{\"tenant\":1,\"email\":true}",
            "{\"tenant\":[],\"email\":{},\"password\":null}",
            "[".repeat(2_000),
            "{\"a\":".repeat(500) + "1" + "}".repeat(500));
    for (String body : bodies) {
      Reply reply = send("POST", "api/v1/sessions", null, "application/json", body);
      assertBadRequest(abbreviate(body), reply);
    }
    // 100 000 brackets are 100 KB, more than login (or any JSON endpoint) takes: refused unread.
    String deep = raw.statusOfBody("api/v1/sessions", 100_000, (byte) '[');
    assertTrue(deep.startsWith("HTTP/1.1 413"), deep);
  }

  @Test
  void mistyped_fields_of_authenticated_endpoints_get_400() throws Exception {
    String trainer = login("demo", "trainer@demo.example");
    String admin = login("demo", "admin@demo.example");
    String someone = api().get("api/v1/users", admin).array().getJsonObject(0).getString("id");
    Map<String, String[]> cases =
        Map.of(
            "{\"title\":\"t\",\"size\":\"abc\"}",
                new String[] {"POST", "api/v1/videos/uploads", trainer},
            "{\"title\":\"t\",\"size\":true}",
                new String[] {"POST", "api/v1/videos/uploads", trainer},
            "{\"active\":true,\"roles\":\"TENANT_ADMIN\"}",
                new String[] {"PUT", "api/v1/users/" + someone, admin},
            "{\"active\":\"yes\",\"roles\":[]}",
                new String[] {"PUT", "api/v1/users/" + someone, admin},
            "{\"maxUploadBytes\":\"lots\",\"anonymiseResults\":\"yes\",\"requireCriticApproval\":1}",
                new String[] {"PUT", "api/v1/tenant/settings", admin},
            "{\"maxUploadBytes\":null,\"anonymiseResults\":[true],\"requireCriticApproval\":false}",
                new String[] {"PUT", "api/v1/tenant/settings", admin},
            "{\"email\":\"x@demo.example\",\"roles\":{\"a\":1}}",
                new String[] {"POST", "api/v1/invitations", admin});
    for (var c : cases.entrySet()) {
      String[] where = c.getValue();
      Reply reply = send(where[0], where[1], where[2], "application/json", c.getKey());
      assertBadRequest(where[1] + " " + c.getKey(), reply);
    }
    // The settings are untouched by the refused updates.
    assertEquals(200, api().get("api/v1/tenant/settings", admin).status());
  }

  @Test
  void a_50_mb_login_body_is_refused_with_413_before_it_is_read() throws Exception {
    long started = System.nanoTime();
    String status = raw.statusOfBody("api/v1/sessions", 50L * 1024 * 1024, (byte) ' ');
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertTrue(status.startsWith("HTTP/1.1 413"), status);
    assertTrue(took.compareTo(QUICK) < 0, "took " + took);
  }

  @Test
  void a_large_chunked_login_body_is_refused_with_413() throws Exception {
    // No Content-Length: the limit must hold while reading, too.
    byte[] body = ("{\"tenant\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}").getBytes();
    HttpRequest request =
        HttpRequest.newBuilder(uri("api/v1/sessions"))
            .timeout(Duration.ofSeconds(20))
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofInputStream(
                    () -> new java.io.ByteArrayInputStream(body)))
            .build();
    HttpResponse<String> response =
        raw.client().send(request, HttpResponse.BodyHandlers.ofString());

    assertEquals(413, response.statusCode(), response.body());
    assertEquals("too_large", json(response.body()).getString("error"));
  }

  // --- C: racing completions of one upload -------------------------------------------------

  @Test
  void parallel_completes_of_one_upload_give_one_202_and_409_for_the_rest() throws Exception {
    String trainer = login("demo", "trainer@demo.example");
    byte[] bytes = new byte[1000];
    JsonObject declared =
        api()
            .post(
                "api/v1/videos/uploads",
                trainer,
                Json.createObjectBuilder().add("title", "Race").add("size", bytes.length).build())
            .json();
    String id = declared.getString("id");
    assertEquals(
        200, api().sendBytes("PUT", "api/v1/videos/" + id + "/chunks/0", trainer, bytes).status());

    int parallel = 8;
    List<HttpRequest> completes = new ArrayList<>();
    for (int i = 0; i < parallel; i++) {
      completes.add(
          HttpRequest.newBuilder(uri("api/v1/videos/" + id + "/upload/complete"))
              .timeout(Duration.ofSeconds(30))
              .header("Authorization", "Bearer " + trainer)
              .POST(HttpRequest.BodyPublishers.noBody())
              .build());
    }
    List<Integer> statuses = new ArrayList<>();
    for (HttpResponse<String> r : atOnce(completes)) {
      statuses.add(r.statusCode());
      if (r.statusCode() == 409) {
        assertEquals("conflict", json(r.body()).getString("error"));
      }
    }

    assertEquals(1, Collections.frequency(statuses, 202), statuses.toString());
    assertEquals(parallel - 1, Collections.frequency(statuses, 409), statuses.toString());
  }

  /**
   * Invitations into one company at once made MariaDB pick deadlock victims (the load test invites
   * 250 people): a victim is rolled back whole and answers 409, never 500.
   */
  @Test
  void parallel_invitations_into_one_company_are_created_or_refused_with_409() throws Exception {
    String admin = login("demo", "admin@demo.example");
    List<HttpRequest> invitations = new ArrayList<>();
    String run = Long.toString(System.nanoTime(), 36);
    for (int i = 0; i < 12; i++) {
      String body =
          Json.createObjectBuilder()
              .add("email", "race-" + run + "-" + i + "@demo.example")
              .add("displayName", "Race " + i)
              .add("roles", Json.createArrayBuilder().add("EMPLOYEE"))
              .build()
              .toString();
      invitations.add(
          HttpRequest.newBuilder(uri("api/v1/invitations"))
              .timeout(Duration.ofSeconds(30))
              .header("Authorization", "Bearer " + admin)
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(body))
              .build());
    }
    List<Integer> statuses = new ArrayList<>();
    for (HttpResponse<String> r : atOnce(invitations)) {
      statuses.add(r.statusCode());
      if (r.statusCode() == 201) {
        String id = json(r.body()).getString("id");
        assertEquals(204, api().delete("api/v1/invitations/" + id, admin).status());
      } else {
        assertEquals(409, r.statusCode(), r.body());
        assertEquals("conflict", json(r.body()).getString("error"));
      }
    }
    assertTrue(statuses.contains(201), statuses.toString());
  }

  /** Sends all {@code requests} at the same moment and waits for every answer. */
  private List<HttpResponse<String>> atOnce(List<HttpRequest> requests) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    List<CompletableFuture<HttpResponse<String>>> replies = new ArrayList<>();
    for (HttpRequest request : requests) {
      replies.add(
          CompletableFuture.runAsync(
                  () -> {
                    try {
                      start.await();
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                  })
              .thenCompose(
                  v -> raw.client().sendAsync(request, HttpResponse.BodyHandlers.ofString())));
    }
    start.countDown();
    List<HttpResponse<String>> answers = new ArrayList<>();
    for (var reply : replies) {
      answers.add(reply.get());
    }
    return answers;
  }

  // --- E: control characters and numbers that do not fit -------------------------------------

  @Test
  void control_and_direction_override_characters_in_free_text_get_400() throws Exception {
    String trainer = login("demo", "trainer@demo.example");
    String admin = login("demo", "admin@demo.example");
    String root = login("platform", "root@kursfilm.example");
    List<String> hostile =
        List.of("a\u0000b", "\u001b[31mred", "two\r\nlines", "\u202Egnp.exe", "x\u2066y", "\u0085");
    for (String text : hostile) {
      String what = escape(text);
      assertBadRequest(
          "title " + what,
          sendJson("POST", "api/v1/videos/uploads", trainer, upload(text, "fine", 10)));
      assertBadRequest(
          "tenant name " + what,
          sendJson(
              "POST",
              "api/v1/tenants",
              root,
              Json.createObjectBuilder()
                  .add("slug", "hostile-tenant")
                  .add("name", text)
                  .add("adminEmail", "admin@hostile.example")
                  .add("adminPassword", "hostile-admin-password")
                  .build()));
      assertBadRequest(
          "invitation display name " + what,
          sendJson(
              "POST",
              "api/v1/invitations",
              admin,
              Json.createObjectBuilder()
                  .add("email", "hostile@demo.example")
                  .add("displayName", text)
                  .add("roles", Json.createArrayBuilder().add("EMPLOYEE"))
                  .build()));
      assertBadRequest(
          "elevation reason " + what,
          sendJson(
              "POST",
              "api/v1/elevations",
              root,
              Json.createObjectBuilder()
                  .add("tenant", "demo")
                  .add("reason", "Support case 4711 " + text)
                  .build()));
    }
    // Descriptions may have line breaks and tabs, but no other controls.
    JsonObject multiLine = upload("Lines", "first line\r\nsecond\tline", 10);
    assertEquals(201, sendJson("POST", "api/v1/videos/uploads", trainer, multiLine).status());
    assertBadRequest(
        "description with ESC",
        sendJson("POST", "api/v1/videos/uploads", trainer, upload("T", "a\u001bb", 10)));
    assertBadRequest(
        "description with U+202E",
        sendJson("POST", "api/v1/videos/uploads", trainer, upload("T", "a\u202Eb", 10)));
  }

  @Test
  void control_characters_in_caption_labels_and_csv_display_names_are_refused() throws Exception {
    String trainer = login("demo", "trainer@demo.example");
    String admin = login("demo", "admin@demo.example");
    String id =
        sendJson("POST", "api/v1/videos/uploads", trainer, upload("Captioned", null, 10))
            .json()
            .getString("id");
    String vtt = "WEBVTT\n\n00:00.000 --> 00:01.000\nHallo\n";
    for (String label : new String[] {"%1B%5B2J", "%E2%80%AEed", "a%0Db"}) {
      Reply reply =
          send(
              "PUT",
              "api/v1/videos/" + id + "/captions/de?label=" + label,
              trainer,
              "text/vtt",
              vtt);
      assertBadRequest("caption label " + label, reply);
    }

    RestClient.Reply csv =
        api()
            .postCsv(
                "api/v1/invitations/csv",
                admin,
                "email,displayName,roles\nevil@demo.example,Bob\u202Egnp.exe,EMPLOYEE\n");
    assertEquals(200, csv.status(), csv.body());
    JsonObject line = csv.array().getJsonObject(0);
    assertFalse(line.getBoolean("invited"), line.toString());
    assertTrue(line.getString("error").contains("control"), line.toString());
  }

  @Test
  void the_csv_report_of_an_invitation_import_neutralises_formula_cells() throws Exception {
    String admin = login("demo", "admin@demo.example");
    // Both lines are refused (unknown role), so nobody is invited; the report echoes the address.
    String csv = "email,displayName,roles\n=2+5@demo.example,Eve,@SUM(1)\n-x@demo.example,,+r\n";
    HttpRequest request =
        HttpRequest.newBuilder(uri("api/v1/invitations/csv"))
            .timeout(Duration.ofSeconds(15))
            .header("Authorization", "Bearer " + admin)
            .header("Content-Type", "text/csv")
            .header("Accept", "text/csv")
            .POST(HttpRequest.BodyPublishers.ofString(csv))
            .build();
    HttpResponse<String> report = raw.client().send(request, HttpResponse.BodyHandlers.ofString());

    assertEquals(200, report.statusCode(), report.body());
    assertTrue(report.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
    List<String> lines = report.body().lines().toList();
    assertEquals("\"line\",\"email\",\"invited\",\"id\",\"error\"", lines.get(0));
    assertTrue(lines.get(1).startsWith("\"2\",\"'=2+5@demo.example\",\"false\""), lines.get(1));
    assertTrue(lines.get(2).startsWith("\"3\",\"'-x@demo.example\",\"false\""), lines.get(2));
    // Without Accept: text/csv the answer stays JSON.
    assertEquals(2, api().postCsv("api/v1/invitations/csv", admin, csv).array().size());
  }

  @Test
  void numbers_that_are_not_exact_integers_of_their_field_get_400() throws Exception {
    String trainer = login("demo", "trainer@demo.example");
    String admin = login("demo", "admin@demo.example");
    for (String size : new String[] {"1e308", "1.5", "9223372036854775808", "-1e400", "1E-7"}) {
      String body = "{\"title\":\"Numbers\",\"size\":" + size + "}";
      assertBadRequest(
          "size " + size, send("POST", "api/v1/videos/uploads", trainer, "application/json", body));
    }
    String settings =
        "{\"maxUploadBytes\":1e308,\"anonymiseResults\":false,\"requireCriticApproval\":false}";
    assertBadRequest(
        "maxUploadBytes 1e308",
        send("PUT", "api/v1/tenant/settings", admin, "application/json", settings));
    // An integral value in exponent notation is still that integer.
    String exact = "{\"title\":\"Numbers\",\"size\":1e3}";
    Reply ok = send("POST", "api/v1/videos/uploads", trainer, "application/json", exact);
    assertEquals(201, ok.status(), ok.body());
    assertEquals(1000, json(ok.body()).getJsonNumber("size").longValue(), ok.body());
  }

  // --- helpers -----------------------------------------------------------------------------------

  private Reply send(String method, String path, String token, String type, String body)
      throws Exception {
    try {
      return raw.send(method, path, token, type, body);
    } catch (RawHttp.NoAnswer e) {
      return fail(e.getMessage() + " to " + abbreviate(body));
    }
  }

  private Reply sendJson(String method, String path, String token, JsonObject body)
      throws Exception {
    return send(method, path, token, "application/json", body.toString());
  }

  private static void assertBadRequest(String what, Reply reply) {
    assertEquals(400, reply.status(), what + ": " + reply.body());
    JsonObject error = reply.json();
    assertTrue(error.containsKey("error") && error.containsKey("message"), what + ": " + error);
    assertTrue(reply.took().compareTo(QUICK) < 0, what + " took " + reply.took());
  }

  private URI uri(String path) {
    return raw.uri(path);
  }

  private static JsonObject upload(String title, String description, long size) {
    var body = Json.createObjectBuilder().add("title", title).add("size", size);
    if (description != null) {
      body.add("description", description);
    }
    return body.build();
  }

  private static JsonObject json(String body) {
    try (var reader = Json.createReader(new java.io.StringReader(body))) {
      return reader.readObject();
    }
  }

  private static String abbreviate(String body) {
    return body.length() > 60 ? body.substring(0, 60) + "… (" + body.length() + " chars)" : body;
  }

  private static String escape(String text) {
    StringBuilder s = new StringBuilder();
    text.codePoints()
        .forEach(
            c ->
                s.append(
                    c < 0x20 || c > 0x7e ? String.format("\\u%04X", c) : String.valueOf((char) c)));
    return s.toString();
  }
}
