package io.kursfilm.web.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kursfilm.web.ItEnvironment;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The seeded demo companies ({@code demo}, {@code acme}, {@code platform}) driven through the REST
 * API as their people would: log in by role name, upload a clip and wait for review, decide as the
 * critic, change roles and settings as the admin.
 */
public final class DemoTenants {

  private static final String PASSWORD = ItEnvironment.demoPassword();

  private final URL base;

  public DemoTenants(URL base) {
    this.base = base;
  }

  public RestClient api() {
    return new RestClient(base);
  }

  /** A session token of {@code who} (e.g. "trainer", "employee1") in company {@code tenant}. */
  public String login(String tenant, String who) throws Exception {
    return api().login(tenant, email(tenant, who), PASSWORD);
  }

  /** ROOT ({@code rootToken}) creates a company with its first admin; 201 with its id. */
  public RestClient.Reply createTenant(
      String rootToken, String slug, String name, String adminEmail, String adminPassword)
      throws Exception {
    return api()
        .post(
            "api/v1/tenants",
            rootToken,
            Json.createObjectBuilder()
                .add("slug", slug)
                .add("name", name)
                .add("adminEmail", adminEmail)
                .add("adminPassword", adminPassword)
                .build());
  }

  /** A session token of {@code who} in the demo company. */
  public String login(String who) throws Exception {
    return login("demo", who);
  }

  public static String email(String tenant, String who) {
    String domain = tenant.equals("platform") ? "kursfilm" : tenant;
    return who + "@" + domain + ".example";
  }

  /** Uploads {@code clip} as a new video and waits until its first version is in review. */
  public String transcoded(String trainer, String title, Path clip) throws Exception {
    RestClient.Reply reply =
        api()
            .sendBytes(
                "POST",
                "api/v1/videos?title=" + URLEncoder.encode(title, StandardCharsets.UTF_8),
                trainer,
                Files.readAllBytes(clip));
    assertEquals(202, reply.status(), reply.body());
    String id = reply.json().getString("id");
    awaitState(trainer, id, "IN_REVIEW");
    return id;
  }

  /** Waits (up to 3 minutes) for the video's newest version to reach {@code wanted}. */
  public void awaitState(String token, String id, String wanted) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
    while (true) {
      JsonObject video = api().get("api/v1/videos/" + id, token).json();
      String state = video.getString("state");
      if (state.equals(wanted)) {
        return;
      }
      // The whole video says why (its error reason and detail).
      assertFalse(List.of("REJECTED_INPUT", "FAILED").contains(state), video.toString());
      assertTrue(System.nanoTime() < deadline, "still " + state);
      Thread.sleep(300);
    }
  }

  /** A critic's review decision; {@code comment} and {@code version} may be null. */
  public RestClient.Reply decide(
      String critic, String id, String decision, String comment, Integer version) throws Exception {
    var body = Json.createObjectBuilder().add("decision", decision);
    if (comment != null) {
      body.add("comment", comment);
    }
    if (version != null) {
      body.add("version", version);
    }
    return api().post("api/v1/videos/" + id + "/review", critic, body.build());
  }

  /** The demo critic approves the video's version in review. */
  public void approve(String id) throws Exception {
    RestClient.Reply approved = decide(login("critic"), id, "APPROVE", null, null);
    assertEquals(200, approved.status(), approved.body());
  }

  /** One whole quiz attempt in one call: {@code answers} holds the option indexes per question. */
  public RestClient.Reply attempt(String employee, String quizId, List<List<Integer>> answers)
      throws Exception {
    JsonArrayBuilder all = Json.createArrayBuilder();
    for (List<Integer> answer : answers) {
      JsonArrayBuilder one = Json.createArrayBuilder();
      answer.forEach(one::add);
      all.add(one);
    }
    return api()
        .post(
            "api/v1/quizzes/" + quizId + "/attempts",
            employee,
            Json.createObjectBuilder().add("answers", all).build());
  }

  /** The admin (token) gives {@code who} of the admin's company exactly {@code roles}. */
  public void setRoles(String admin, String tenant, String who, String... roles) throws Exception {
    String email = email(tenant, who);
    String userId =
        api().get("api/v1/users", admin).array().stream()
            .map(JsonValue::asJsonObject)
            .filter(u -> u.getString("email").equals(email))
            .findFirst()
            .orElseThrow()
            .getString("id");
    var list = Json.createArrayBuilder();
    for (String role : roles) {
      list.add(role);
    }
    JsonObject update = Json.createObjectBuilder().add("active", true).add("roles", list).build();
    RestClient.Reply reply = api().put("api/v1/users/" + userId, admin, update);
    assertEquals(200, reply.status(), reply.body());
  }

  /** Tenant settings as {@code PUT /tenant/settings} takes them. */
  public static JsonObject settings(
      boolean anonymise, boolean requireCritic, int requiredApprovals) {
    return Json.createObjectBuilder()
        .add("anonymiseResults", anonymise)
        .add("requireCriticApproval", requireCritic)
        .add("requiredApprovals", requiredApprovals)
        .build();
  }

  public static JsonObject empty() {
    return Json.createObjectBuilder().build();
  }
}
