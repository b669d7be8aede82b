package io.kursfilm.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kursfilm.storage.testing.LocalS3;
import io.kursfilm.web.ItEnvironment;
import io.kursfilm.web.testing.RestClient;
import io.kursfilm.web.testing.SharedApp;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The shipped war on Payara Micro against real MariaDB and a real S3 endpoint, driven black-box
 * through its REST API and health endpoint.
 */
@ExtendWith(SharedApp.class)
class PlatformApiIT {

  final URL base = SharedApp.base();

  @BeforeAll
  static void s3() throws Exception {
    ItEnvironment.s3();
  }

  private RestClient api() {
    return new RestClient(base);
  }

  @Test
  void demo_user_logs_in_and_sees_who_they_are() throws Exception {
    String token = api().login("demo", "trainer@demo.example", ItEnvironment.demoPassword());

    JsonObject me = api().get("api/v1/me", token).json();

    assertEquals("demo", me.getString("tenant"));
    assertEquals("trainer@demo.example", me.getString("email"));
    assertEquals(Set.of("TRAINER"), strings(me, "roles"));
  }

  @Test
  void wrong_credentials_get_one_message_whatever_was_wrong() throws Exception {
    String pw = ItEnvironment.demoPassword();
    RestClient.Reply wrongPassword =
        api()
            .post(
                "api/v1/sessions",
                null,
                RestClient.credentials("demo", "admin@demo.example", pw + "x"));
    RestClient.Reply wrongUser =
        api()
            .post(
                "api/v1/sessions", null, RestClient.credentials("demo", "nobody@demo.example", pw));
    RestClient.Reply wrongTenant =
        api()
            .post(
                "api/v1/sessions", null, RestClient.credentials("nope", "admin@demo.example", pw));
    RestClient.Reply otherTenant =
        api()
            .post(
                "api/v1/sessions", null, RestClient.credentials("acme", "admin@demo.example", pw));

    for (RestClient.Reply reply :
        new RestClient.Reply[] {wrongPassword, wrongUser, wrongTenant, otherTenant}) {
      assertEquals(401, reply.status());
      assertEquals(wrongPassword.body(), reply.body());
    }
    assertEquals("invalid_credentials", wrongPassword.json().getString("error"));
  }

  @Test
  void acme_admin_cannot_read_demo_users() throws Exception {
    String pw = ItEnvironment.demoPassword();
    String demoAdmin = api().login("demo", "admin@demo.example", pw);
    String acmeAdmin = api().login("acme", "admin@acme.example", pw);
    Map<String, String> demoUsers = idsByEmail(api().get("api/v1/users", demoAdmin));
    String demoTrainerId = demoUsers.get("trainer@demo.example");

    RestClient.Reply acmeList = api().get("api/v1/users", acmeAdmin);
    RestClient.Reply foreign = api().get("api/v1/users/" + demoTrainerId, acmeAdmin);
    RestClient.Reply own = api().get("api/v1/users/" + demoTrainerId, demoAdmin);

    // Other test classes may have added people to demo; the seed's eight are there at least.
    assertTrue(demoUsers.size() >= 8, demoUsers.keySet().toString());
    assertTrue(demoUsers.containsKey("employee5@demo.example"));
    Map<String, String> acmeUsers = idsByEmail(acmeList);
    assertTrue(acmeUsers.containsKey("employee5@acme.example"));
    assertFalse(
        acmeUsers.keySet().stream().anyMatch(demoUsers::containsKey), "no demo user in acme");
    assertFalse(acmeUsers.containsValue(demoTrainerId));
    assertEquals(404, foreign.status());
    assertEquals(200, own.status());
  }

  @Test
  void api_refuses_anonymous_and_wrong_roles() throws Exception {
    String employee = api().login("demo", "employee1@demo.example", ItEnvironment.demoPassword());

    assertEquals(401, api().get("api/v1/users", null).status());
    assertEquals(401, api().get("api/v1/me", "not-a-valid-token").status());
    assertEquals(403, api().get("api/v1/users", employee).status());
    assertEquals(403, api().get("api/v1/tenants", employee).status());
  }

  @Test
  void logout_ends_the_bearer_token_at_once() throws Exception {
    String token = api().login("demo", "critic@demo.example", ItEnvironment.demoPassword());
    assertEquals(200, api().get("api/v1/me", token).status());

    assertEquals(204, api().delete("api/v1/sessions/current", token).status());

    assertEquals(401, api().get("api/v1/me", token).status());
  }

  @Test
  void platform_operator_creates_a_tenant_whose_admin_can_log_in() throws Exception {
    String root = api().login("platform", "root@kursfilm.example", ItEnvironment.demoPassword());
    JsonObject request =
        Json.createObjectBuilder()
            .add("slug", "globex")
            .add("name", "Globex Corporation")
            .add("adminEmail", "admin@globex.example")
            .add("adminPassword", "globex-admin-password")
            .build();

    RestClient.Reply created = api().post("api/v1/tenants", root, request);
    RestClient.Reply again = api().post("api/v1/tenants", root, request);
    RestClient.Reply badSlug =
        api()
            .post(
                "api/v1/tenants",
                root,
                Json.createObjectBuilder(request).add("slug", "X!").build());

    assertEquals(201, created.status(), created.body());
    assertEquals("globex", created.json().getString("slug"));
    assertEquals(409, again.status());
    assertEquals(400, badSlug.status());
    assertEquals("invalid", badSlug.json().getString("error"));
    String globexAdmin = api().login("globex", "admin@globex.example", "globex-admin-password");
    assertEquals(
        Set.of("admin@globex.example"),
        idsByEmail(api().get("api/v1/users", globexAdmin)).keySet());
  }

  @Test
  void readiness_names_the_object_store_while_it_is_down() throws Exception {
    RestClient.Reply up = api().get("/health/ready", null);
    assertEquals(200, up.status(), up.body());
    assertEquals(
        Map.of(
            "database",
            "UP",
            "object-store",
            "UP",
            "ffmpeg",
            "UP",
            "key-store",
            "UP",
            "audit-signing",
            "UP"),
        checks(up.json()));

    LocalS3 s3 = ItEnvironment.s3();
    s3.stop();
    RestClient.Reply down;
    try {
      // Probed in the background and DOWN only after several failed probes in a row (a single
      // slow probe on a busy machine is not an outage): it shows within seconds, not at once.
      long until = System.nanoTime() + 20_000_000_000L;
      down = api().get("/health/ready", null);
      while (down.status() == 200 && System.nanoTime() < until) {
        Thread.sleep(250);
        down = api().get("/health/ready", null);
      }
    } finally {
      s3.start();
    }

    assertEquals(503, down.status());
    Map<String, String> checks = checks(down.json());
    assertEquals("DOWN", checks.get("object-store"));
    assertEquals("UP", checks.get("database"));
    // Ready again once the endpoint is back (the restarted endpoint and the app's connection pool
    // take a moment on a busy machine).
    long until = System.nanoTime() + 30_000_000_000L;
    int status = api().get("/health/ready", null).status();
    while (status != 200 && System.nanoTime() < until) {
      Thread.sleep(250);
      status = api().get("/health/ready", null).status();
    }
    assertEquals(200, status);
  }

  @Test
  void openapi_is_served_and_metrics_are_not_public() throws Exception {
    RestClient.Reply openapi = api().get("/openapi", null);
    assertEquals(200, openapi.status());
    assertTrue(openapi.body().contains("/api/v1/sessions"), "sessions documented");
    assertNotEquals(200, api().get("/metrics", null).status(), "metrics are off");
  }

  private static Map<String, String> checks(JsonObject health) {
    return health.getJsonArray("checks").stream()
        .map(JsonValue::asJsonObject)
        .collect(Collectors.toMap(c -> c.getString("name"), c -> c.getString("status")));
  }

  private static Map<String, String> idsByEmail(RestClient.Reply reply) {
    assertEquals(200, reply.status(), reply.body());
    return reply.array().stream()
        .map(JsonValue::asJsonObject)
        .collect(Collectors.toMap(u -> u.getString("email"), u -> u.getString("id")));
  }

  private static Set<String> strings(JsonObject o, String key) {
    return o.getJsonArray(key).getValuesAs(jakarta.json.JsonString.class).stream()
        .map(jakarta.json.JsonString::getString)
        .collect(Collectors.toSet());
  }
}
