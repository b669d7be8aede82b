package io.kursfilm.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kursfilm.web.ItEnvironment;
import io.kursfilm.web.identity.Inbox;
import io.kursfilm.web.learning.LearningMedia;
import io.kursfilm.web.testing.DemoTenants;
import io.kursfilm.web.testing.RestClient;
import io.kursfilm.web.video.TestMedia;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A throwaway company for AuthorisationMatrixIT: created by ROOT, staffed through invitations
 * (admin, trainer, critic, employee, a bystander and a leaver), with one object of every kind the
 * matrix's paths name (a published video with quiz and captions, a course, a group, a certificate,
 * a guest link, ...). Its fixtures are the ids the matrix fills in; fresh ones are made on demand
 * for calls that use them up.
 */
final class MatrixCompany {

  static final String PASSWORD = ItEnvironment.demoPassword();
  static final int CLIP_SECONDS = 3;
  static final String VTT = "WEBVTT\n\n00:00.000 --> 00:01.000\nMatrix\n";

  final String slug;
  final Map<String, String> fixtures = new HashMap<>();
  final Map<String, String> tokens = new HashMap<>();

  private final URL base;
  private final Inbox inbox;
  private final String root;

  MatrixCompany(URL base, Inbox inbox, String root, String prefix) {
    this.base = base;
    this.inbox = inbox;
    this.root = root;
    this.slug = prefix + UUID.randomUUID().toString().substring(0, 8);
  }

  RestClient api() {
    return new RestClient(base);
  }

  String email(String who) {
    return who + "@" + slug + ".example";
  }

  /** Creates the company, its people and the shared fixtures. */
  MatrixCompany create(Path media) throws Exception {
    RestClient.Reply created =
        new DemoTenants(base).createTenant(root, slug, "Matrix " + slug, email("admin"), PASSWORD);
    assertEquals(201, created.status(), created.body());
    tokens.put("TENANT_ADMIN", api().login(slug, email("admin"), PASSWORD));
    tokens.put("TRAINER", person("trainer", "TRAINER"));
    tokens.put("CRITIC", person("critic", "CRITIC"));
    tokens.put("EMPLOYEE", person("employee", "EMPLOYEE"));
    person("bystander", "EMPLOYEE");
    String leaver = person("leaver", "EMPLOYEE");
    fixtures.put("ownSlug", slug);
    fixtures.put("employeeEmail", email("employee"));
    fixtures.put("employeeId", userId(email("employee")));
    fixtures.put("bystanderId", userId(email("bystander")));
    publishedVideo(media);
    learning();
    guestLink();
    fixtures.put("uploading", fresh("uploading"));
    fixtures.put("course", fresh("course"));
    fixtures.put("group", fresh("group"));
    fixtures.put("assignment", fresh("assignment"));
    fixtures.put("invitation", fresh("invitation"));
    fixtures.put("invitationToken", inbox.token(fixtures.get("invitationEmail")));
    ok(201, api().post("api/v1/me/deletion-request", leaver, DemoTenants.empty()));
    fixtures.put(
        "deletionRequest",
        first(api().get("api/v1/deletion-requests", admin()).body(), "deletion request"));
    fixtures.put("notification", notificationOfTrainer());
    fixtures.put(
        "elevation",
        ok(201, api().post("api/v1/elevations", root, elevation())).json().getString("id"));
    fixtures.put("settings", unchangedSettings());
    return this;
  }

  /** The company's settings as an update that changes nothing (the fields an update takes). */
  private String unchangedSettings() throws Exception {
    JsonObject view = ok(200, api().get("api/v1/tenant/settings", admin())).json();
    var update = Json.createObjectBuilder();
    for (String field :
        List.of(
            "maxUploadBytes", "anonymiseResults", "requireCriticApproval", "requiredApprovals")) {
      if (view.containsKey(field)) {
        update.add(field, view.get(field));
      }
    }
    return update.build().toString();
  }

  String admin() {
    return tokens.get("TENANT_ADMIN");
  }

  String trainer() {
    return tokens.get("TRAINER");
  }

  JsonObject elevation() {
    return Json.createObjectBuilder()
        .add("tenant", slug)
        .add("reason", "authorisation matrix: checks every cell")
        .build();
  }

  /** Logs the company's people in again (after a row that ended their sessions). */
  void loginAgain() throws Exception {
    for (String[] who :
        new String[][] {
          {"TENANT_ADMIN", "admin"},
          {"TRAINER", "trainer"},
          {"CRITIC", "critic"},
          {"EMPLOYEE", "employee"}
        }) {
      tokens.put(who[0], api().login(slug, email(who[1]), PASSWORD));
    }
  }

  /** A new object of {@code kind}, for a call that uses it up. */
  String fresh(String kind) throws Exception {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    return switch (kind) {
      case "uploading" ->
          id(
              api()
                  .post(
                      "api/v1/videos/uploads",
                      trainer(),
                      Json.createObjectBuilder()
                          .add("title", "Matrix upload " + tag)
                          .add("size", 1000)
                          .build()),
              201);
      case "course" ->
          id(
              api()
                  .post(
                      "api/v1/courses",
                      trainer(),
                      Json.createObjectBuilder()
                          .add("title", "Matrix course " + slug + " " + tag)
                          .add("videoIds", Json.createArrayBuilder().add(fixtures.get("video")))
                          .build()),
              201);
      case "group" -> {
        String group =
            id(
                api()
                    .post(
                        "api/v1/groups",
                        admin(),
                        Json.createObjectBuilder().add("name", "Matrix group " + tag).build()),
                201);
        ok(
            200,
            api()
                .post(
                    "api/v1/groups/" + group + "/members",
                    admin(),
                    Json.createObjectBuilder()
                        .add("userIds", Json.createArrayBuilder().add(fixtures.get("employeeId")))
                        .build()));
        yield group;
      }
      case "assignment" ->
          id(
              api()
                  .post(
                      "api/v1/assignments",
                      trainer(),
                      Json.createObjectBuilder()
                          .add("videoId", fixtures.get("video"))
                          .add("userIds", Json.createArrayBuilder().add(fixtures.get("employeeId")))
                          .add("dueDate", "2099-12-31")
                          .build()),
              201);
      case "invitation" -> {
        String email = "pending-" + tag + "@" + slug + ".example";
        fixtures.put("invitationEmail", email);
        yield id(api().post("api/v1/invitations", admin(), invitation(email, "EMPLOYEE")), 201);
      }
      case "guestLink" ->
          id(
              api()
                  .post(
                      "api/v1/videos/" + fixtures.get("video") + "/guest-links",
                      trainer(),
                      Json.createObjectBuilder().add("validDays", 1).build()),
              201);
      default -> throw new IllegalArgumentException("no fresh " + kind);
    };
  }

  /** Whether {@link #fresh} makes objects of {@code kind}. */
  static boolean isFreshKind(String kind) {
    return switch (kind) {
      case "uploading", "course", "group", "assignment", "invitation", "guestLink" -> true;
      default -> false;
    };
  }

  /** Starts the company's offboarding (freezes it: only for the rows that run last). */
  String offboarding() throws Exception {
    if (!fixtures.containsKey("offboarding")) {
      String id = id(api().post("api/v1/offboarding", admin(), DemoTenants.empty()), 202);
      fixtures.put("offboarding", id);
      fixtures.put("exportToken", exportToken(id));
    }
    return fixtures.get("offboarding");
  }

  /** Cancels the offboarding, if one was started: the company works again. */
  void cancelOffboarding() throws Exception {
    if (fixtures.containsKey("offboarding")) {
      String path = "api/v1/offboarding/" + fixtures.get("offboarding") + "/cancel";
      ok(200, api().post(path, admin(), DemoTenants.empty()));
    }
  }

  private String exportToken(String offboarding) throws Exception {
    long until = System.currentTimeMillis() + 120_000;
    while (System.currentTimeMillis() < until) {
      JsonObject view = api().get("api/v1/offboarding/" + offboarding, admin()).json();
      if (view.containsKey("exportUrl")) {
        String url = view.getString("exportUrl");
        return url.substring(url.lastIndexOf('/') + 1);
      }
      Thread.sleep(300);
    }
    throw new AssertionError("the export of " + slug + " was not ready within 2 minutes");
  }

  private void publishedVideo(Path media) throws Exception {
    DemoTenants demo = new DemoTenants(base);
    Path clip = TestMedia.clip(media, slug + ".mp4", "320x240", CLIP_SECONDS, "matrix");
    String video = demo.transcoded(trainer(), "Matrix video " + slug, clip);
    fixtures.put("video", video);
    ok(201, api().post("api/v1/videos/" + video + "/quiz", trainer(), LearningMedia.quiz()));
    for (String language : new String[] {"en", "de"}) {
      int status =
          api()
              .putText(
                  "api/v1/videos/" + video + "/captions/" + language + "?label=" + language,
                  trainer(),
                  "text/vtt",
                  VTT)
              .status();
      assertEquals(204, status, "captions " + language);
    }
    RestClient.Reply approved = demo.decide(tokens.get("CRITIC"), video, "APPROVE", null, null);
    ok(200, approved);
    demo.awaitState(trainer(), video, "PUBLISHED");
    fixtures.put(
        "publishedVersion",
        String.valueOf(
            api().get("api/v1/videos/" + video, trainer()).json().getInt("publishedVersion")));
    fixtures.put(
        "quiz",
        ok(200, api().get("api/v1/videos/" + video + "/quiz/take", tokens.get("EMPLOYEE")))
            .json()
            .getString("id"));
  }

  /** An assignment the employee completes (quiz passed, watched): a certificate. */
  private void learning() throws Exception {
    String employee = tokens.get("EMPLOYEE");
    String video = fixtures.get("video");
    fresh("assignment");
    RestClient.Reply passed =
        new DemoTenants(base)
            .attempt(employee, fixtures.get("quiz"), List.of(List.of(1), List.of(1)));
    ok(201, passed);
    JsonObject watched =
        Json.createObjectBuilder()
            .add("videoId", video)
            .add(
                "intervals",
                Json.createArrayBuilder().add(Json.createArrayBuilder().add(0).add(CLIP_SECONDS)))
            .build();
    ok(200, api().post("api/v1/progress", employee, watched));
    long until = System.currentTimeMillis() + 20_000;
    String certificates = "[]";
    while (certificates.equals("[]") && System.currentTimeMillis() < until) {
      certificates = ok(200, api().get("api/v1/certificates", employee)).body();
      Thread.sleep(200);
    }
    fixtures.put("certificateId", first(certificates, "certificate"));
    RestClient.Reply open =
        api()
            .post(
                "api/v1/quizzes/" + fixtures.get("quiz") + "/attempts/open",
                employee,
                DemoTenants.empty());
    fixtures.put("attempt", ok(200, open).json().getString("id"));
  }

  private void guestLink() throws Exception {
    RestClient.Reply link =
        ok(
            201,
            api()
                .post(
                    "api/v1/videos/" + fixtures.get("video") + "/guest-links",
                    trainer(),
                    Json.createObjectBuilder().add("validDays", 1).build()));
    String url = link.json().getString("url");
    String token = url.substring(url.indexOf("t=") + 2);
    fixtures.put("guestToken", token);
    String playlist =
        ok(
                200,
                api()
                    .post(
                        "api/v1/guest/open",
                        null,
                        Json.createObjectBuilder().add("token", token).build()))
            .json()
            .getString("playlist");
    fixtures.put("grant", playlist.split("/")[1]);
  }

  private String notificationOfTrainer() throws Exception {
    long until = System.currentTimeMillis() + 20_000;
    while (System.currentTimeMillis() < until) {
      String body = ok(200, api().get("api/v1/notifications", trainer())).body();
      if (!body.equals("[]")) {
        return first(body, "notification");
      }
      Thread.sleep(200);
    }
    throw new AssertionError("the trainer of " + slug + " got no notification");
  }

  /** Invites {@code who} with {@code role} and logs them in. */
  private String person(String who, String role) throws Exception {
    String email = email(who);
    ok(201, api().post("api/v1/invitations", admin(), invitation(email, role)));
    JsonObject accept =
        Json.createObjectBuilder()
            .add("tenant", slug)
            .add("token", inbox.token(email))
            .add("password", PASSWORD)
            .build();
    ok(200, api().post("api/v1/invitations/accept", null, accept));
    return api().login(slug, email, PASSWORD);
  }

  private static JsonObject invitation(String email, String role) {
    return Json.createObjectBuilder()
        .add("email", email)
        .add("displayName", "Matrix " + role.toLowerCase())
        .add("roles", Json.createArrayBuilder().add(role))
        .build();
  }

  private String userId(String email) throws Exception {
    return api().get("api/v1/users", admin()).array().stream()
        .map(JsonValue::asJsonObject)
        .filter(u -> u.getString("email").equals(email))
        .findFirst()
        .orElseThrow()
        .getString("id");
  }

  private static String first(String array, String what) {
    var reader = Json.createReader(new java.io.StringReader(array));
    var items = reader.readArray();
    assertTrue(!items.isEmpty(), "no " + what);
    return items.getJsonObject(0).getString("id");
  }

  private static String id(RestClient.Reply reply, int status) {
    return ok(status, reply).json().getString("id");
  }

  /** A set-up call that must succeed; {@code status} is the one the docs give (any 2xx does). */
  private static RestClient.Reply ok(int status, RestClient.Reply reply) {
    assertTrue(reply.status() / 100 == 2, "expected " + status + ": " + reply);
    return reply;
  }
}
