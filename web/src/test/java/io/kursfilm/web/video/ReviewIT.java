package io.kursfilm.web.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kursfilm.web.ItEnvironment;
import io.kursfilm.web.testing.DemoTenants;
import io.kursfilm.web.testing.RestClient;
import io.kursfilm.web.testing.SharedApp;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The critic's review through the REST API on the real stack: real uploads transcoded by the app's
 * own worker, decisions, comments and versions, and what employees, other trainers and another
 * tenant's critic can and cannot reach of a version that is not approved.
 */
@ExtendWith(SharedApp.class)
class ReviewIT {

  final URL base = SharedApp.base();
  @TempDir static Path media;

  @BeforeAll
  static void s3() throws Exception {
    ItEnvironment.s3();
  }

  /** Every test leaves the demo tenant's settings and roles as the seed made them. */
  @AfterEach
  void restore() throws Exception {
    String admin = login("demo", "admin");
    api().put("api/v1/tenant/settings", admin, settings(true, 1));
    setRoles(admin, "trainer", "TRAINER");
    setRoles(admin, "employee4", "EMPLOYEE");
    setRoles(admin, "employee5", "EMPLOYEE");
  }

  @Test
  void a_version_goes_through_comments_changes_and_a_new_version_to_the_employees()
      throws Exception {
    String trainer = login("demo", "trainer");
    String critic = login("demo", "critic");
    String employee = login("demo", "employee1");
    String id = transcoded(trainer, "Forklift basics", 4);

    assertHiddenFromEmployees(employee, id, 1);
    assertEquals(201, comment(critic, id, 2, "<script>alert(1)</script> too dark").status());
    assertEquals(400, comment(critic, id, -1, "before the start").status());
    assertEquals(400, comment(critic, id, 10_000, "after the end").status());
    assertEquals(400, comment(critic, id, 1, "x".repeat(10_001)).status());
    assertEquals(400, decide(critic, id, "REQUEST_CHANGES", null, null).status());
    RestClient.Reply changes = decide(critic, id, "REQUEST_CHANGES", "Please brighten it", null);
    assertEquals(200, changes.status(), changes.body());
    assertEquals("CHANGES_REQUESTED", changes.json().getString("state"));
    assertEquals(409, decide(critic, id, "APPROVE", null, null).status(), "nothing to decide");

    JsonArray comments = api().get("api/v1/videos/" + id + "/comments", trainer).array();
    assertEquals(2, comments.size(), comments.toString());
    assertEquals("<script>alert(1)</script> too dark", comments.getJsonObject(0).getString("text"));
    assertEquals(2, comments.getJsonObject(0).getInt("atSecond"));
    assertEquals("Critic", comments.getJsonObject(0).getString("author"));
    JsonObject reason = comments.getJsonObject(1);
    assertTrue(!reason.containsKey("atSecond") || reason.isNull("atSecond"), reason.toString());
    assertEquals("Please brighten it", reason.getString("text"));

    byte[] second = Files.readAllBytes(TestMedia.clip(media, "v2.mp4", "320x240", 4, "v2"));
    RestClient.Reply v2 =
        api().sendBytes("POST", "api/v1/videos/" + id + "/versions", trainer, second);
    assertEquals(202, v2.status(), v2.body());
    assertEquals(2, v2.json().getInt("version"));
    awaitState(trainer, id, "IN_REVIEW");
    assertHiddenFromEmployees(employee, id, 2);
    assertEquals(409, decide(critic, id, "APPROVE", null, 1).status(), "version 1 was replaced");

    RestClient.Reply approved = decide(critic, id, "APPROVE", "Good now", 2);
    assertEquals(200, approved.status(), approved.body());
    assertEquals("PUBLISHED", approved.json().getString("state"));
    assertEquals(409, decide(critic, id, "APPROVE", null, 2).status(), "approve twice");

    JsonObject seen = api().get("api/v1/videos/" + id, employee).json();
    assertEquals(2, seen.getInt("version"));
    assertEquals(200, api().download(hls(id, "master.m3u8"), employee).status());
    assertEquals(404, api().download(versionHls(id, 1, "master.m3u8"), employee).status());
    assertEquals(200, api().download(versionHls(id, 1, "master.m3u8"), trainer).status());

    JsonArray history = api().get("api/v1/videos/" + id + "/review", trainer).array();
    assertEquals(2, history.size());
    assertEquals("REQUEST_CHANGES", history.getJsonObject(0).getString("decision"));
    assertEquals(1, history.getJsonObject(0).getInt("version"));
    assertEquals(2, history.getJsonObject(1).getInt("version"));
    assertEquals(seen.getString("mediaSha256"), history.getJsonObject(1).getString("mediaSha256"));
  }

  @Test
  void changing_a_published_videos_captions_reopens_review_while_the_old_version_plays()
      throws Exception {
    String trainer = login("demo", "trainer");
    String critic = login("demo", "critic");
    String employee = login("demo", "employee1");
    String id = transcoded(trainer, "Ladder safety", 3);
    assertEquals(200, decide(critic, id, "APPROVE", null, 1).status());

    assertEquals(
        204,
        api()
            .putText(
                "api/v1/videos/" + id + "/captions/de?label=Deutsch",
                trainer,
                "text/vtt",
                "WEBVTT\n\n00:00.000 --> 00:02.000\nHallo\n")
            .status());

    JsonObject forTrainer = api().get("api/v1/videos/" + id, trainer).json();
    assertEquals("IN_REVIEW", forTrainer.getString("state"));
    assertEquals(2, forTrainer.getInt("version"));
    assertEquals(1, forTrainer.getInt("publishedVersion"));
    JsonObject forEmployee = api().get("api/v1/videos/" + id, employee).json();
    assertEquals("PUBLISHED", forEmployee.getString("state"));
    assertEquals(1, forEmployee.getInt("version"));
    assertEquals(200, api().download(hls(id, "master.m3u8"), employee).status());
    assertEquals(404, api().download(captions(id, "de"), employee).status(), "not approved");
    assertEquals(
        200,
        api().download("api/v1/videos/" + id + "/versions/2/captions/de.vtt", trainer).status());

    String admin = login("demo", "admin");
    setRoles(admin, "employee5", "TRAINER");
    String otherTrainer = login("demo", "employee5");
    assertEquals(
        403,
        api()
            .putText("api/v1/videos/" + id + "/captions/en", otherTrainer, "text/vtt", "WEBVTT\n")
            .status(),
        "not one of the video's trainers");

    assertEquals(200, decide(critic, id, "APPROVE", null, 2).status());
    assertEquals(200, api().download(captions(id, "de"), employee).status());

    JsonObject retitled =
        api()
            .put(
                "api/v1/videos/" + id,
                trainer,
                Json.createObjectBuilder().add("title", "Ladder safety 2027").build())
            .json();
    assertEquals(3, retitled.getInt("version"));
    assertEquals("IN_REVIEW", retitled.getString("state"));
    assertEquals(
        "Ladder safety", api().get("api/v1/videos/" + id, employee).json().getString("title"));
    assertEquals(
        200, api().download(captions(id, "de"), trainer).status(), "captions carried over");
    List<String> states =
        api().get("api/v1/videos/" + id + "/versions", trainer).array().stream()
            .map(v -> v.asJsonObject().getString("state"))
            .toList();
    assertEquals(List.of("IN_REVIEW", "PUBLISHED", "SUPERSEDED"), states);
  }

  @Test
  void four_eyes_a_critic_never_approves_their_own_upload_and_the_refusal_is_audited()
      throws Exception {
    String admin = login("demo", "admin");
    setRoles(admin, "trainer", "TRAINER", "CRITIC");
    String both = login("demo", "trainer");
    String id = transcoded(both, "Own work", 3);

    RestClient.Reply refused = decide(both, id, "APPROVE", null, null);
    assertEquals(403, refused.status(), refused.body());
    assertEquals("IN_REVIEW", api().get("api/v1/videos/" + id, both).json().getString("state"));
    JsonArray audited = api().get("api/v1/audit?action=VIDEO_REVIEW_REFUSED", admin).array();
    assertTrue(
        audited.stream().anyMatch(e -> e.asJsonObject().getString("subjectId").equals(id)),
        audited.toString());
  }

  @Test
  void another_tenants_critic_sees_no_queue_entry_and_cannot_decide_or_comment() throws Exception {
    String trainer = login("demo", "trainer");
    String id = transcoded(trainer, "Demo only", 3);
    String foreign = login("acme", "critic");

    assertFalse(api().get("api/v1/reviews", foreign).body().contains(id));
    assertTrue(api().get("api/v1/reviews", login("demo", "critic")).body().contains(id));
    assertEquals(404, decide(foreign, id, "APPROVE", null, null).status());
    assertEquals(404, comment(foreign, id, 1, "hello").status());
    assertEquals(404, api().get("api/v1/videos/" + id + "/comments", foreign).status());
    assertEquals(403, api().get("api/v1/reviews", login("demo", "employee1")).status());
  }

  @Test
  void two_critics_approving_at_once_publish_once_and_the_second_gets_409() throws Exception {
    String admin = login("demo", "admin");
    setRoles(admin, "employee4", "CRITIC");
    String trainer = login("demo", "trainer");
    String id = transcoded(trainer, "Race", 3);
    String first = login("demo", "critic");
    String second = login("demo", "employee4");

    CompletableFuture<Integer> a =
        CompletableFuture.supplyAsync(() -> quietly(() -> decide(first, id, "APPROVE", null, 1)));
    CompletableFuture<Integer> b =
        CompletableFuture.supplyAsync(() -> quietly(() -> decide(second, id, "APPROVE", null, 1)));
    List<Integer> statuses = List.of(a.get(60, TimeUnit.SECONDS), b.get(60, TimeUnit.SECONDS));
    assertTrue(statuses.contains(200) && statuses.contains(409), statuses.toString());
    assertEquals(1, api().get("api/v1/videos/" + id + "/review", trainer).array().size());
  }

  @Test
  void a_tenant_can_require_two_approvals_or_none_at_all() throws Exception {
    String admin = login("demo", "admin");
    setRoles(admin, "employee4", "CRITIC");
    assertEquals(200, api().put("api/v1/tenant/settings", admin, settings(true, 2)).status());
    String trainer = login("demo", "trainer");
    String id = transcoded(trainer, "Two critics", 3);

    assertEquals(409, api().post("api/v1/videos/" + id + "/publish", trainer, empty()).status());
    JsonObject once = decide(login("demo", "critic"), id, "APPROVE", null, 1).json();
    assertEquals("IN_REVIEW", once.getString("state"), "one of two approvals");
    JsonObject twice = decide(login("demo", "employee4"), id, "APPROVE", null, 1).json();
    assertEquals("PUBLISHED", twice.getString("state"));

    assertEquals(200, api().put("api/v1/tenant/settings", admin, settings(false, 1)).status());
    String free = transcoded(trainer, "No critic needed", 3);
    assertEquals(
        "IN_REVIEW", api().get("api/v1/videos/" + free, trainer).json().getString("state"));
    RestClient.Reply published = api().post("api/v1/videos/" + free + "/publish", trainer, empty());
    assertEquals(200, published.status(), published.body());
    assertEquals("PUBLISHED", published.json().getString("state"));
    assertEquals(200, api().post("api/v1/videos/" + free + "/archive", trainer, empty()).status());
    assertEquals(404, api().get("api/v1/videos/" + free, login("demo", "employee2")).status());
  }

  /** An unapproved version: no path of the API gives an employee anything of it. */
  private void assertHiddenFromEmployees(String employee, String id, int version) throws Exception {
    assertEquals(404, api().get("api/v1/videos/" + id, employee).status());
    assertFalse(api().get("api/v1/videos", employee).body().contains(id));
    assertEquals(404, api().download(hls(id, "master.m3u8"), employee).status());
    assertEquals(404, api().download(versionHls(id, version, "master.m3u8"), employee).status());
    assertEquals(404, api().download(versionHls(id, version, "poster.jpg"), employee).status());
    assertEquals(404, api().download(captions(id, "de"), employee).status());
    assertEquals(403, api().get("api/v1/videos/" + id + "/comments", employee).status());
    assertEquals(403, api().get("api/v1/videos/" + id + "/versions", employee).status());
  }

  private String transcoded(String trainer, String title, int seconds) throws Exception {
    Path clip = TestMedia.clip(media, title.replace(' ', '-') + ".mp4", "320x240", seconds, title);
    return demo().transcoded(trainer, title, clip);
  }

  private void awaitState(String token, String id, String wanted) throws Exception {
    demo().awaitState(token, id, wanted);
  }

  private RestClient.Reply decide(
      String token, String id, String decision, String comment, Integer version) throws Exception {
    return demo().decide(token, id, decision, comment, version);
  }

  private RestClient.Reply comment(String token, String id, int atSecond, String text)
      throws Exception {
    return api()
        .post(
            "api/v1/videos/" + id + "/comments",
            token,
            Json.createObjectBuilder().add("atSecond", atSecond).add("text", text).build());
  }

  private void setRoles(String admin, String who, String... roles) throws Exception {
    demo().setRoles(admin, "demo", who, roles);
  }

  private static JsonObject settings(boolean requireCritic, int approvals) {
    return DemoTenants.settings(false, requireCritic, approvals);
  }

  private static int quietly(java.util.concurrent.Callable<RestClient.Reply> call) {
    try {
      return call.call().status();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private DemoTenants demo() {
    return new DemoTenants(base);
  }

  private RestClient api() {
    return demo().api();
  }

  private String login(String tenant, String who) throws Exception {
    return demo().login(tenant, who);
  }

  private static String hls(String id, String path) {
    return "api/v1/videos/" + id + "/hls/" + path;
  }

  private static String versionHls(String id, int version, String path) {
    return "api/v1/videos/" + id + "/versions/" + version + "/hls/" + path;
  }

  private static String captions(String id, String language) {
    return "api/v1/videos/" + id + "/captions/" + language + ".vtt";
  }

  private static JsonObject empty() {
    return DemoTenants.empty();
  }
}
