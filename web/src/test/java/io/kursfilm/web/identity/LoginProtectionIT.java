package io.kursfilm.web.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kursfilm.web.ItEnvironment;
import io.kursfilm.web.journey.Browser;
import io.kursfilm.web.testing.RestClient;
import io.kursfilm.web.testing.SharedApp;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Login throttling, user administration, sessions ended at once and ROOT elevation, black-box over
 * HTTP against the shipped war. The build configures a 1 s back-off (cap 4 s), an address threshold
 * of 8, 3 s elevations and trusts X-Forwarded-For, so each test poses as its own client address.
 * Tests leave the demo users as they found them.
 */
@ExtendWith(SharedApp.class)
class LoginProtectionIT {

  private static final String TENANT_HEADER = "X-Kursfilm-Tenant";

  final URL base = SharedApp.base();

  @BeforeAll
  static void s3() throws Exception {
    ItEnvironment.s3();
  }

  private static String pw() {
    return ItEnvironment.demoPassword();
  }

  @Test
  void real_and_unknown_accounts_are_throttled_alike_and_recover_after_the_back_off()
      throws Exception {
    // Two addresses, so that only the account counters (threshold 5) can block, not the address.
    RestClient client = new RestClient(base, "198.51.100.1");
    RestClient other = new RestClient(base, "198.51.100.11");
    for (int i = 0; i < 5; i++) {
      assertEquals(
          401, client.tryLogin("acme", "employee1@acme.example", "wrong-password").status());
    }
    RestClient.Reply real = client.tryLogin("acme", "employee1@acme.example", pw());
    for (int i = 0; i < 5; i++) {
      assertEquals(401, other.tryLogin("acme", "nobody@acme.example", "wrong-password").status());
    }
    RestClient.Reply unknown = other.tryLogin("acme", "nobody@acme.example", pw());

    assertEquals(429, real.status(), "blocked even with the right password: " + real);
    assertEquals(429, unknown.status());
    assertEquals(real.body(), unknown.body(), "same answer whether the account exists or not");
    assertEquals("too_many_attempts", real.json().getString("error"));
    long wait = Long.parseLong(real.retryAfter().orElseThrow());
    assertTrue(wait >= 1 && wait <= 4, "Retry-After " + wait);
    assertTrue(unknown.retryAfter().isPresent());

    Thread.sleep(Duration.ofSeconds(wait).plusMillis(300).toMillis());
    assertEquals(201, client.tryLogin("acme", "employee1@acme.example", pw()).status());
    assertEquals(
        401,
        client.tryLogin("acme", "employee1@acme.example", "wrong-password").status(),
        "a success cleared the account's counter");
  }

  @Test
  void one_address_failing_across_many_accounts_is_throttled_others_are_not() throws Exception {
    RestClient attacker = new RestClient(base, "198.51.100.2");
    // The suite's other classes log in from 127.0.0.1 with a few failures of their own, so the
    // configured address threshold is higher than a handful (web/pom.xml).
    int threshold = Integer.getInteger("kursfilm.it.ip-threshold", 8);
    for (int i = 1; i <= threshold; i++) {
      assertEquals(401, attacker.tryLogin("acme", "guess" + i + "@acme.example", "wrong").status());
    }

    RestClient.Reply blocked = attacker.tryLogin("acme", "trainer@acme.example", pw());
    RestClient.Reply elsewhere =
        new RestClient(base, "198.51.100.3").tryLogin("acme", "trainer@acme.example", pw());

    assertEquals(429, blocked.status());
    assertTrue(blocked.retryAfter().isPresent());
    assertEquals(201, elsewhere.status(), "the account itself is not blocked");
  }

  @Test
  void a_deactivated_users_token_stops_working_at_once() throws Exception {
    RestClient client = new RestClient(base, "198.51.100.4");
    String admin = client.login("demo", "admin@demo.example", pw());
    String id = idsByEmail(client, admin).get("employee2@demo.example");
    String token = client.login("demo", "employee2@demo.example", pw());
    assertEquals(200, client.get("api/v1/me", token).status());

    RestClient.Reply deactivated =
        client.put("api/v1/users/" + id, admin, update(false, "EMPLOYEE"));

    assertEquals(200, deactivated.status(), deactivated.body());
    assertFalse(deactivated.json().getBoolean("active"));
    assertEquals(401, client.get("api/v1/me", token).status());
    assertEquals(401, client.tryLogin("demo", "employee2@demo.example", pw()).status());

    assertEquals(200, client.put("api/v1/users/" + id, admin, update(true, "EMPLOYEE")).status());
    assertEquals(201, client.tryLogin("demo", "employee2@demo.example", pw()).status());
  }

  @Test
  void a_role_change_ends_the_token_and_the_next_login_carries_the_new_roles() throws Exception {
    RestClient client = new RestClient(base, "198.51.100.5");
    String admin = client.login("demo", "admin@demo.example", pw());
    String id = idsByEmail(client, admin).get("employee3@demo.example");
    String before = client.login("demo", "employee3@demo.example", pw());

    assertEquals(
        200, client.put("api/v1/users/" + id, admin, update(true, "EMPLOYEE", "TRAINER")).status());
    assertEquals(401, client.get("api/v1/me", before).status(), "roles changed: token ended");
    String promoted = client.login("demo", "employee3@demo.example", pw());
    assertEquals(Set.of("EMPLOYEE", "TRAINER"), roles(client.get("api/v1/me", promoted).json()));

    assertEquals(200, client.put("api/v1/users/" + id, admin, update(true, "EMPLOYEE")).status());
    assertEquals(401, client.get("api/v1/me", promoted).status(), "role removed: token ended");
    String after = client.login("demo", "employee3@demo.example", pw());
    assertEquals(Set.of("EMPLOYEE"), roles(client.get("api/v1/me", after).json()));
  }

  @Test
  void logout_everywhere_revokes_all_tokens_of_the_caller_only() throws Exception {
    RestClient client = new RestClient(base, "198.51.100.6");
    String first = client.login("demo", "employee4@demo.example", pw());
    String second = client.login("demo", "employee4@demo.example", pw());
    String someoneElse = client.login("demo", "employee5@demo.example", pw());

    RestClient.Reply out =
        client.post("api/v1/sessions/logout-all", first, JsonValue.EMPTY_JSON_OBJECT);

    assertEquals(200, out.status(), out.body());
    assertTrue(out.json().getInt("revokedTokens") >= 2);
    assertEquals(401, client.get("api/v1/me", first).status());
    assertEquals(401, client.get("api/v1/me", second).status());
    assertEquals(200, client.get("api/v1/me", someoneElse).status());
    assertEquals(
        401, client.post("api/v1/sessions/logout-all", null, JsonValue.EMPTY_JSON_OBJECT).status());
  }

  @Test
  void user_administration_is_for_the_own_tenants_admins_and_admins_cannot_lock_themselves_out()
      throws Exception {
    RestClient client = new RestClient(base, "198.51.100.7");
    String demoAdmin = client.login("demo", "admin@demo.example", pw());
    String acmeAdmin = client.login("acme", "admin@acme.example", pw());
    String employee = client.login("demo", "employee5@demo.example", pw());
    Map<String, String> ids = idsByEmail(client, demoAdmin);
    String trainer = ids.get("trainer@demo.example");
    String self = ids.get("admin@demo.example");

    assertEquals(
        403, client.put("api/v1/users/" + trainer, employee, update(true, "TRAINER")).status());
    assertEquals(
        404, client.put("api/v1/users/" + trainer, acmeAdmin, update(false, "TRAINER")).status());
    assertEquals(
        409, client.put("api/v1/users/" + self, demoAdmin, update(false, "TENANT_ADMIN")).status());
    assertEquals(
        409, client.put("api/v1/users/" + self, demoAdmin, update(true, "TRAINER")).status());
    RestClient.Reply unknownRole =
        client.put("api/v1/users/" + trainer, demoAdmin, update(true, "BOSS"));
    assertEquals(400, unknownRole.status());
    assertEquals("invalid", unknownRole.json().getString("error"));
    assertEquals(
        400, client.put("api/v1/users/" + trainer, demoAdmin, update(true, "ROOT")).status());
    assertEquals(400, client.put("api/v1/users/" + trainer, demoAdmin, update(true)).status());
    assertEquals(
        400,
        client.put("api/v1/users/" + trainer, demoAdmin, JsonValue.EMPTY_JSON_OBJECT).status());
    assertEquals(
        200, client.get("api/v1/me", demoAdmin).status(), "the refused calls changed nothing");
    assertTrue(client.get("api/v1/users/" + trainer, demoAdmin).json().getBoolean("active"));
  }

  @Test
  void root_acts_in_a_tenant_only_while_an_elevation_is_in_force_and_its_admins_see_it()
      throws Exception {
    RestClient client = new RestClient(base, "198.51.100.8");
    String root = client.login("platform", "root@kursfilm.example", pw());
    String demoAdmin = client.login("demo", "admin@demo.example", pw());
    String acmeAdmin = client.login("acme", "admin@acme.example", pw());
    String employee = client.login("demo", "employee1@demo.example", pw());
    String reason = "Support ticket 4711: demo admin cannot see a user";

    assertEquals(403, client.get("api/v1/users", root).status(), "ROOT alone has no tenant data");
    assertEquals(403, client.get("api/v1/users", root, TENANT_HEADER, "demo").status());
    assertEquals(
        400, client.post("api/v1/elevations", root, elevation("demo", "too short")).status());
    assertEquals(400, client.post("api/v1/elevations", root, elevation("nope", reason)).status());
    assertEquals(
        403, client.post("api/v1/elevations", employee, elevation("demo", reason)).status());

    RestClient.Reply granted = client.post("api/v1/elevations", root, elevation("demo", reason));
    RestClient.Reply elevated = client.get("api/v1/users", root, TENANT_HEADER, "demo");
    RestClient.Reply otherTenant = client.get("api/v1/users", root, TENANT_HEADER, "acme");
    RestClient.Reply employeeWithHeader = client.get("api/v1/me", employee, TENANT_HEADER, "acme");

    assertEquals(201, granted.status(), granted.body());
    String id = granted.json().getString("id");
    assertEquals("demo", granted.json().getString("tenant"));
    Instant expiresAt = Instant.parse(granted.json().getString("expiresAt"));
    assertEquals(200, elevated.status(), elevated.body());
    assertTrue(
        elevated.array().stream()
            .map(u -> u.asJsonObject().getString("email"))
            .allMatch(e -> e.endsWith("@demo.example")));
    assertEquals(403, otherTenant.status(), "elevation into demo only");
    assertEquals(403, employeeWithHeader.status(), "only operators can name another tenant");

    JsonObject seenByDemo = byId(client.get("api/v1/elevations", demoAdmin), id);
    assertEquals(reason, seenByDemo.getString("reason"));
    assertEquals("demo", seenByDemo.getString("tenant"));
    assertTrue(seenByDemo.containsKey("operator") && seenByDemo.containsKey("startsAt"));
    assertEquals(null, byId(client.get("api/v1/elevations", acmeAdmin), id));
    assertEquals(reason, byId(client.get("api/v1/elevations", root), id).getString("reason"));

    long untilExpiry = Duration.between(Instant.now(), expiresAt).toMillis();
    Thread.sleep(Math.max(0, untilExpiry) + 500);
    RestClient.Reply lapsed = client.get("api/v1/users", root, TENANT_HEADER, "demo");
    assertEquals(403, lapsed.status());
    assertEquals("not_elevated", lapsed.json().getString("error"));
    assertFalse(byId(client.get("api/v1/elevations", demoAdmin), id).getBoolean("active"));
  }

  @Test
  void an_elevation_cannot_be_made_permanent_and_its_admins_see_what_was_done_during_it()
      throws Exception {
    RestClient client = new RestClient(base, "198.51.100.10");
    String root = client.login("platform", "root@kursfilm.example", pw());
    String demoAdmin = client.login("demo", "admin@demo.example", pw());
    String employee = idsByEmail(client, demoAdmin).get("employee1@demo.example");
    JsonObject inviteRoot =
        Json.createObjectBuilder()
            .add("email", "root@kursfilm.example")
            .add("roles", Json.createArrayBuilder().add("TENANT_ADMIN"))
            .build();
    JsonObject inviteOther =
        Json.createObjectBuilder()
            .add("email", "helper-" + System.nanoTime() + "@elsewhere.example")
            .add("roles", Json.createArrayBuilder().add("EMPLOYEE"))
            .build();
    JsonObject ownProvider =
        Json.createObjectBuilder()
            .add("enabled", true)
            .add("issuer", "https://operator-idp.example/realms/mine")
            .add("clientId", "mine")
            .add("clientSecret", "operator-secret")
            .add("passwordLoginDisabled", false)
            .add("trustProviderEmail", true)
            .build();

    // Elevations last 3 s here: each refusal gets one of its own, so none can lapse in between.
    String first = elevate(client, root);
    RestClient.Reply read = client.get("api/v1/users/" + employee, root, TENANT_HEADER, "demo");
    RestClient.Reply invitedSelf =
        client.post("api/v1/invitations", root, inviteRoot, TENANT_HEADER, "demo");
    elevate(client, root);
    RestClient.Reply invitedOther =
        client.post("api/v1/invitations", root, inviteOther, TENANT_HEADER, "demo");
    RestClient.Reply csv = csvInvite(client, root, "root@kursfilm.example,Root,TENANT_ADMIN\n");
    elevate(client, root);
    RestClient.Reply promoted =
        client.put(
            "api/v1/users/" + employee,
            root,
            update(true, "EMPLOYEE", "TENANT_ADMIN"),
            TENANT_HEADER,
            "demo");
    RestClient.Reply sso =
        client.put("api/v1/tenant/sso", root, ownProvider, TENANT_HEADER, "demo");

    assertEquals(200, read.status(), read.body());
    for (RestClient.Reply refused : List.of(invitedSelf, invitedOther, csv, promoted, sso)) {
      assertEquals(403, refused.status(), refused.body());
      assertEquals("elevation_forbidden", refused.json().getString("error"), refused.body());
    }
    assertFalse(
        client.get("api/v1/users/" + employee, demoAdmin).body().contains("TENANT_ADMIN"),
        "nothing was granted");

    RestClient.Reply actions = client.get("api/v1/elevations/" + first + "/actions", demoAdmin);
    assertEquals(200, actions.status(), actions.body());
    List<JsonObject> entries = actions.array().getValuesAs(JsonObject.class);
    Set<String> kinds =
        entries.stream().map(e -> e.getString("action")).collect(Collectors.toSet());
    assertTrue(
        kinds.containsAll(Set.of("ELEVATION_REQUESTED", "ELEVATED_ACTION", "USER_READ")),
        kinds.toString());
    JsonObject userRead =
        entries.stream().filter(e -> e.getString("action").equals("USER_READ")).findFirst().get();
    assertEquals(first, userRead.getJsonObject("details").getString("elevation"));
    assertEquals(employee, userRead.getString("subjectId"));
    assertEquals(
        404,
        client
            .get(
                "api/v1/elevations/" + first + "/actions",
                client.login("acme", "admin@acme.example", pw()))
            .status(),
        "another tenant's admins do not see it");
  }

  private static String elevate(RestClient client, String root) throws Exception {
    RestClient.Reply granted =
        client.post(
            "api/v1/elevations", root, elevation("demo", "Support ticket 4712: check a user"));
    assertEquals(201, granted.status(), granted.body());
    return granted.json().getString("id");
  }

  private RestClient.Reply csvInvite(RestClient client, String root, String csv) throws Exception {
    return client.postCsv("api/v1/invitations/csv", root, csv, TENANT_HEADER, "demo");
  }

  @Test
  void admin_deactivates_a_user_in_the_dialog_and_their_open_session_goes_to_login()
      throws Exception {
    ChromeDriver admin = Browser.start("en");
    ChromeDriver employee = Browser.start("en");
    try {
      logIn(employee, "acme", "employee2@acme.example");
      waitForPage(employee, "portal-home");
      logIn(admin, "acme", "admin@acme.example");
      waitForPage(admin, "admin-home");

      WebElement row =
          admin.findElements(By.cssSelector("#users tbody tr")).stream()
              .filter(r -> r.getText().contains("employee2@acme.example"))
              .findFirst()
              .orElseThrow();
      row.findElement(By.cssSelector(".kf-edit")).click();
      WebDriverWait wait = new WebDriverWait(admin, Duration.ofSeconds(15));
      wait.until(ExpectedConditions.textToBe(By.id("editedEmail"), "employee2@acme.example"));
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("userDialog")));
      admin.findElement(By.cssSelector("#userDialogForm\\:active .ui-chkbox-box")).click();
      admin.findElement(By.id("userDialogForm:save")).click();
      wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("userDialog")));
      wait.until(
          d ->
              d.findElements(By.cssSelector("#users tbody tr")).stream()
                  .filter(r -> r.getText().contains("employee2@acme.example"))
                  .anyMatch(r -> !r.findElements(By.cssSelector(".pi-times")).isEmpty()));

      employee.findElement(By.cssSelector("a[id$='menuPortal']")).click();
      new WebDriverWait(employee, Duration.ofSeconds(15))
          .until(ExpectedConditions.urlContains("login.xhtml"));
    } finally {
      admin.quit();
      employee.quit();
      restore("acme", "admin@acme.example", "employee2@acme.example", "EMPLOYEE");
    }
  }

  private void restore(String tenant, String adminEmail, String email, String role)
      throws Exception {
    RestClient client = new RestClient(base, "198.51.100.9");
    String token = client.login(tenant, adminEmail, pw());
    String id = idsByEmail(client, token).get(email);
    assertEquals(200, client.put("api/v1/users/" + id, token, update(true, role)).status());
  }

  private void logIn(ChromeDriver browser, String tenant, String email) {
    browser.get(base + "login.xhtml");
    browser.findElement(By.id("login:tenant")).sendKeys(tenant);
    browser.findElement(By.id("login:email")).sendKeys(email);
    browser.findElement(By.id("login:password")).sendKeys(pw());
    browser.findElement(By.id("login:submit")).click();
  }

  private static void waitForPage(ChromeDriver browser, String page) {
    new WebDriverWait(browser, Duration.ofSeconds(20))
        .until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("h1[data-page='" + page + "']")));
  }

  private static JsonObject update(boolean active, String... roles) {
    var array = Json.createArrayBuilder();
    for (String role : roles) {
      array.add(role);
    }
    return Json.createObjectBuilder().add("active", active).add("roles", array).build();
  }

  private static JsonObject elevation(String tenant, String reason) {
    return Json.createObjectBuilder().add("tenant", tenant).add("reason", reason).build();
  }

  private static JsonObject byId(RestClient.Reply list, String id) {
    assertEquals(200, list.status(), list.body());
    List<JsonObject> found =
        list.array().stream()
            .map(JsonValue::asJsonObject)
            .filter(e -> id.equals(e.getString("id")))
            .toList();
    return found.isEmpty() ? null : found.get(0);
  }

  private static Map<String, String> idsByEmail(RestClient client, String adminToken)
      throws Exception {
    RestClient.Reply reply = client.get("api/v1/users", adminToken);
    assertEquals(200, reply.status(), reply.body());
    return reply.array().stream()
        .map(JsonValue::asJsonObject)
        .collect(Collectors.toMap(u -> u.getString("email"), u -> u.getString("id")));
  }

  private static Set<String> roles(JsonObject me) {
    return me.getJsonArray("roles").getValuesAs(JsonString.class).stream()
        .map(JsonString::getString)
        .collect(Collectors.toSet());
  }
}
