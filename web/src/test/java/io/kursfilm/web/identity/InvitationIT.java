package io.kursfilm.web.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kursfilm.web.ItEnvironment;
import io.kursfilm.web.testing.FormLogin;
import io.kursfilm.web.testing.RestClient;
import io.kursfilm.web.testing.SharedApp;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URL;
import java.net.http.HttpClient;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Invitations and password resets end to end: the shipped war on Payara Micro sends real mails over
 * SMTP to GreenMail, and the tests follow the links in them. The app runs with an invitation
 * lifetime of 20 s (web/pom.xml) so expiry can be observed.
 */
@ExtendWith(SharedApp.class)
class InvitationIT {

  private static final String GOOD_PASSWORD = "amber-otter-climbs-9-hills";
  private static Inbox inbox;

  final URL base = SharedApp.base();

  @BeforeAll
  static void start() throws Exception {
    ItEnvironment.s3();
    inbox = new Inbox(Integer.parseInt(System.getProperty("kursfilm.it.mail.port")));
  }

  @AfterAll
  static void stop() {
    if (inbox != null) {
      inbox.stop();
    }
  }

  private RestClient http() {
    return new RestClient(base);
  }

  private String demoAdmin() throws Exception {
    return http().login("demo", "admin@demo.example", ItEnvironment.demoPassword());
  }

  private static String fresh(String tenant) {
    return "p" + UUID.randomUUID().toString().substring(0, 8) + "@" + tenant + ".example";
  }

  private RestClient.Reply invite(String admin, String email, String... roles) throws Exception {
    var rolesJson = Json.createArrayBuilder();
    for (String r : roles) {
      rolesJson.add(r);
    }
    return http()
        .post(
            "api/v1/invitations",
            admin,
            Json.createObjectBuilder()
                .add("email", email)
                .add("displayName", "Invited Person")
                .add("roles", rolesJson)
                .build());
  }

  private RestClient.Reply accept(String tenant, String token, String password) throws Exception {
    return http()
        .post(
            "api/v1/invitations/accept",
            null,
            Json.createObjectBuilder()
                .add("tenant", tenant)
                .add("token", token)
                .add("password", password)
                .build());
  }

  private static Set<String> strings(JsonArray array) {
    return array.getValuesAs(JsonString.class).stream()
        .map(JsonString::getString)
        .collect(Collectors.toSet());
  }

  @Test
  void accepted_invitation_lets_the_user_log_in_with_the_invited_roles() throws Exception {
    String email = fresh("demo");
    RestClient.Reply invited = invite(demoAdmin(), email, "TRAINER", "CRITIC");
    assertEquals(201, invited.status(), invited.body());
    String token = inbox.token(email);

    // Mail scanners open links: GETs show the page but never use the token.
    for (int i = 0; i < 2; i++) {
      RestClient.Reply page = http().get("invite.xhtml?token=" + token, null);
      assertEquals(200, page.status());
      assertTrue(page.body().contains("Demo AG"), "tenant name shown");
      assertFalse(page.body().contains(email), "address shown only masked");
      RestClient.Reply preview = http().get("api/v1/invitations/preview?token=" + token, null);
      assertEquals(200, preview.status(), preview.body());
      assertEquals("demo", preview.json().getString("tenant"));
    }

    RestClient.Reply accepted = accept("demo", token, GOOD_PASSWORD);
    assertEquals(200, accepted.status(), accepted.body());
    String session = http().login("demo", email, GOOD_PASSWORD);
    JsonObject me = http().get("api/v1/me", session).json();
    assertEquals(email, me.getString("email"));
    assertEquals(Set.of("TRAINER", "CRITIC"), strings(me.getJsonArray("roles")));

    RestClient.Reply reused = accept("demo", token, GOOD_PASSWORD + "x");
    assertEquals(400, reused.status());
    assertEquals("invalid_link", reused.json().getString("error"));
    assertEquals(400, http().get("api/v1/invitations/preview?token=" + token, null).status());
  }

  /** Invites {@code email} into demo with {@code roles}, accepts, and returns a bearer token. */
  private String joinedDemo(String email, String... roles) throws Exception {
    assertEquals(201, invite(demoAdmin(), email, roles).status());
    assertEquals(200, accept("demo", inbox.token(email), GOOD_PASSWORD).status());
    return http().login("demo", email, GOOD_PASSWORD);
  }

  @Test
  void people_download_their_data_and_an_admin_erases_them_on_request() throws Exception {
    String email = fresh("demo");
    String person = joinedDemo(email, "EMPLOYEE");
    String acmeAdmin = http().login("acme", "admin@acme.example", ItEnvironment.demoPassword());

    RestClient.Reply data = http().get("api/v1/me/data", person);
    RestClient.Reply requested =
        http().post("api/v1/me/deletion-request", person, Json.createObjectBuilder().build());
    RestClient.Reply again =
        http().post("api/v1/me/deletion-request", person, Json.createObjectBuilder().build());

    assertEquals(200, data.status(), data.body());
    assertEquals(email, data.json().getString("email"));
    assertEquals("demo", data.json().getString("tenant"));
    String userId = data.json().getString("userId");
    assertEquals(202, requested.status(), requested.body());
    assertEquals("PENDING", requested.json().getString("state"));
    assertEquals(409, again.status());
    String requestId = requested.json().getString("id");
    assertFalse(http().get("api/v1/deletion-requests", acmeAdmin).body().contains(requestId));
    assertEquals(
        404,
        http()
            .post(
                "api/v1/deletion-requests/" + requestId + "/approve",
                acmeAdmin,
                Json.createObjectBuilder().build())
            .status());
    assertEquals(
        403,
        http()
            .post(
                "api/v1/deletion-requests/" + requestId + "/approve",
                person,
                Json.createObjectBuilder().build())
            .status());
    RestClient.Reply pending = http().get("api/v1/deletion-requests", demoAdmin());
    assertTrue(
        pending.body().contains(requestId) && pending.body().contains(email), pending.body());

    RestClient.Reply approved =
        http()
            .post(
                "api/v1/deletion-requests/" + requestId + "/approve",
                demoAdmin(),
                Json.createObjectBuilder().build());

    assertEquals(204, approved.status(), approved.body());
    assertEquals(
        409,
        http()
            .post(
                "api/v1/deletion-requests/" + requestId + "/approve",
                demoAdmin(),
                Json.createObjectBuilder().build())
            .status());
    assertEquals(
        401, http().get("api/v1/me", person).status(), "the erased person's token is gone");
    assertEquals(
        401,
        http()
            .post(
                "api/v1/sessions",
                null,
                Json.createObjectBuilder()
                    .add("tenant", "demo")
                    .add("email", email)
                    .add("password", GOOD_PASSWORD)
                    .build())
            .status());
    assertEquals(404, http().get("api/v1/users/" + userId, demoAdmin()).status());
    RestClient.Reply erased = http().get("api/v1/audit?action=USER_ERASED", demoAdmin());
    assertTrue(erased.body().contains(userId), erased.body());
  }

  @Test
  void nobody_approves_their_own_erasure() throws Exception {
    String secondAdmin = joinedDemo(fresh("demo"), "TENANT_ADMIN");
    String requestId =
        http()
            .post("api/v1/me/deletion-request", secondAdmin, Json.createObjectBuilder().build())
            .json()
            .getString("id");

    assertEquals(
        409,
        http()
            .post(
                "api/v1/deletion-requests/" + requestId + "/approve",
                secondAdmin,
                Json.createObjectBuilder().build())
            .status());
    assertEquals(
        204,
        http()
            .post(
                "api/v1/deletion-requests/" + requestId + "/reject",
                demoAdmin(),
                Json.createObjectBuilder().build())
            .status());
    assertEquals(
        200,
        http().get("api/v1/me", secondAdmin).status(),
        "a rejected request leaves the account");
  }

  @Test
  void link_of_one_tenant_is_refused_by_another_and_tampering_is_refused() throws Exception {
    String email = fresh("demo");
    assertEquals(201, invite(demoAdmin(), email, "EMPLOYEE").status());
    String token = inbox.token(email);

    RestClient.Reply foreign = accept("acme", token, GOOD_PASSWORD);
    assertEquals(400, foreign.status());
    assertEquals("invalid_link", foreign.json().getString("error"));

    char last = token.charAt(42);
    String tampered = token.substring(0, 42) + (last == 'A' ? 'B' : 'A');
    assertEquals("invalid_link", accept("demo", tampered, GOOD_PASSWORD).json().getString("error"));
    assertEquals(400, http().get("api/v1/invitations/preview?token=" + tampered, null).status());

    // Neither refusal used the link up.
    assertEquals(200, accept("demo", token, GOOD_PASSWORD).status());
  }

  @Test
  void weak_passwords_are_refused_with_the_policy_message_and_leave_the_link_usable()
      throws Exception {
    String email = fresh("demo");
    assertEquals(201, invite(demoAdmin(), email, "EMPLOYEE").status());
    String token = inbox.token(email);

    RestClient.Reply tooShort = accept("demo", token, "short1!");
    assertEquals(400, tooShort.status());
    assertEquals("weak_password", tooShort.json().getString("error"));
    assertTrue(tooShort.json().getString("message").contains("12"), tooShort.body());

    RestClient.Reply common = accept("demo", token, "Password2024!");
    assertEquals(400, common.status());
    assertEquals("weak_password", common.json().getString("error"));
    assertTrue(common.json().getString("message").contains("common"), common.body());

    RestClient.Reply german =
        http()
            .post(
                "api/v1/invitations/accept",
                null,
                Json.createObjectBuilder()
                    .add("tenant", "demo")
                    .add("token", token)
                    .add("password", "qwertzuiop123")
                    .build(),
                "Accept-Language",
                "de");
    assertTrue(german.json().getString("message").contains("häufig"), german.body());

    assertEquals(200, accept("demo", token, GOOD_PASSWORD).status());
  }

  @Test
  void expired_link_is_refused() throws Exception {
    String email = fresh("demo");
    assertEquals(201, invite(demoAdmin(), email, "EMPLOYEE").status());
    String token = inbox.token(email);

    Thread.sleep(21_000); // the test app's invitation lifetime is 20 s

    assertEquals(400, http().get("api/v1/invitations/preview?token=" + token, null).status());
    RestClient.Reply late = accept("demo", token, GOOD_PASSWORD);
    assertEquals(400, late.status());
    assertEquals("invalid_link", late.json().getString("error"));
  }

  @Test
  void csv_invites_good_lines_and_explains_each_bad_line() throws Exception {
    String admin = demoAdmin();
    String a = fresh("demo");
    String b = fresh("demo");
    String csv =
        "email,displayName,roles\n"
            + a
            + ",Anna,EMPLOYEE\n"
            + "not-an-address,Nobody,EMPLOYEE\n"
            + b
            + ",Ben,TRAINER;JANITOR\n"
            + "employee1@demo.example,Existing,EMPLOYEE\n";
    RestClient.Reply reply = http().postCsv("api/v1/invitations/csv", admin, csv);
    assertEquals(200, reply.status(), reply.body());
    JsonArray lines = reply.array();
    assertEquals(4, lines.size());
    assertTrue(lines.getJsonObject(0).getBoolean("invited"));
    assertEquals(2, lines.getJsonObject(0).getInt("line"));
    assertFalse(lines.getJsonObject(1).getBoolean("invited"));
    assertEquals(3, lines.getJsonObject(1).getInt("line"));
    assertEquals("not an e-mail address", lines.getJsonObject(1).getString("error"));
    assertEquals("unknown role 'JANITOR'", lines.getJsonObject(2).getString("error"));
    assertEquals("a user with this e-mail exists", lines.getJsonObject(3).getString("error"));

    inbox.token(a);
    assertTrue(inbox.mailsTo(b).isEmpty());
    JsonArray pending = http().get("api/v1/invitations", admin).array();
    String id = null;
    for (JsonObject p : pending.getValuesAs(JsonObject.class)) {
      if (p.getString("email").equals(a)) {
        id = p.getString("id");
      }
    }
    assertTrue(id != null, "pending list shows the CSV invitation");

    // Revoking makes the link useless; another tenant cannot revoke it.
    String acmeAdmin = http().login("acme", "admin@acme.example", ItEnvironment.demoPassword());
    assertEquals(404, http().delete("api/v1/invitations/" + id, acmeAdmin).status());
    assertEquals(204, http().delete("api/v1/invitations/" + id, admin).status());
    assertEquals(400, accept("demo", inbox.token(a), GOOD_PASSWORD).status());
  }

  @Test
  void only_tenant_admins_invite() throws Exception {
    String trainer = http().login("demo", "trainer@demo.example", ItEnvironment.demoPassword());
    assertEquals(403, invite(trainer, fresh("demo"), "EMPLOYEE").status());
    assertEquals(401, invite(null, fresh("demo"), "EMPLOYEE").status());
  }

  @Test
  void password_reset_sets_a_new_password_and_ends_old_api_sessions() throws Exception {
    String email = fresh("demo");
    assertEquals(201, invite(demoAdmin(), email, "EMPLOYEE").status());
    assertEquals(200, accept("demo", inbox.token(email), GOOD_PASSWORD).status());
    String oldSession = http().login("demo", email, GOOD_PASSWORD);

    RestClient.Reply asked =
        http()
            .post(
                "api/v1/password-resets",
                null,
                Json.createObjectBuilder().add("tenant", "demo").add("email", email).build());
    assertEquals(202, asked.status());
    String token = inbox.token(email, 2);
    assertEquals(200, http().get("reset.xhtml?token=" + token, null).status());
    assertEquals(200, http().get("reset.xhtml?token=" + token, null).status());

    JsonObject confirm =
        Json.createObjectBuilder()
            .add("tenant", "demo")
            .add("token", token)
            .add("password", "new-" + GOOD_PASSWORD)
            .build();
    assertEquals(204, http().post("api/v1/password-resets/confirm", null, confirm).status());

    assertEquals(401, http().get("api/v1/me", oldSession).status());
    assertEquals(
        401,
        http()
            .post("api/v1/sessions", null, RestClient.credentials("demo", email, GOOD_PASSWORD))
            .status());
    http().login("demo", email, "new-" + GOOD_PASSWORD);
    assertEquals(400, http().post("api/v1/password-resets/confirm", null, confirm).status());
    // A used reset link cannot even be previewed.
    assertEquals(400, http().get("api/v1/password-resets/preview?token=" + token, null).status());
  }

  @Test
  void a_completed_reset_ends_ui_sessions_and_bearer_tokens_and_every_step_is_audited()
      throws Exception {
    String email = fresh("demo");
    String bearer = joinedDemo(email, "EMPLOYEE");
    HttpClient browser = formLogin("demo", email, GOOD_PASSWORD);
    assertEquals(200, me(browser), "the UI session works");

    assertEquals(202, askReset(http(), "demo", email).status());
    JsonObject confirm =
        Json.createObjectBuilder()
            .add("tenant", "demo")
            .add("token", inbox.token(email, 2))
            .add("password", "new-" + GOOD_PASSWORD)
            .build();
    assertEquals(204, http().post("api/v1/password-resets/confirm", null, confirm).status());

    assertEquals(401, me(browser), "the UI session from before the reset is over");
    assertEquals(401, http().get("api/v1/me", bearer).status());
    String userId = userId(email);
    for (String action : List.of("USER_CREATED", "PASSWORD_RESET_REQUESTED", "PASSWORD_RESET")) {
      RestClient.Reply entries = http().get("api/v1/audit?limit=50&action=" + action, demoAdmin());
      assertEquals(200, entries.status(), entries.body());
      assertTrue(
          entries.array().getValuesAs(JsonObject.class).stream()
              .anyMatch(
                  e ->
                      "user".equals(e.getString("subjectType", ""))
                          && userId.equals(e.getString("subjectId", ""))),
          action + " of " + userId + ": " + entries.body());
      assertFalse(entries.body().contains(email), "no address in the audit log");
    }
  }

  @Test
  void reset_requests_are_throttled_per_account_and_per_address_alike_for_unknown_accounts()
      throws Exception {
    String known = fresh("demo");
    joinedDemo(known, "EMPLOYEE");
    String unknown = "nobody-" + UUID.randomUUID() + "@demo.example";
    RestClient client = new RestClient(base, "203.0.113.50");
    for (int i = 0; i < 3; i++) {
      assertEquals(202, askReset(client, "demo", known).status());
      assertEquals(202, askReset(client, "demo", unknown).status());
    }
    RestClient.Reply real = askReset(client, "demo", known);
    RestClient.Reply nobody = askReset(client, "demo", unknown);

    assertEquals(429, real.status(), real.body());
    assertEquals(429, nobody.status(), nobody.body());
    assertEquals(real.body(), nobody.body(), "same answer whether the account exists or not");
    assertEquals("too_many_attempts", real.json().getString("error"));
    assertTrue(real.retryAfter().isPresent() && nobody.retryAfter().isPresent());
    assertEquals(
        202, askReset(new RestClient(base, "203.0.113.52"), "demo", fresh("demo")).status());

    // One address asking for many accounts is throttled too (ip-threshold 20 by default).
    RestClient sweeper = new RestClient(base, "203.0.113.51");
    for (int i = 0; i < 20; i++) {
      assertEquals(202, askReset(sweeper, "demo", fresh("demo")).status(), "request " + (i + 1));
    }
    RestClient.Reply swept = askReset(sweeper, "demo", fresh("demo"));
    assertEquals(429, swept.status(), swept.body());
    assertTrue(swept.retryAfter().isPresent());
  }

  private static RestClient.Reply askReset(RestClient client, String tenant, String email)
      throws Exception {
    return client.post(
        "api/v1/password-resets",
        null,
        Json.createObjectBuilder().add("tenant", tenant).add("email", email).build());
  }

  private String userId(String email) throws Exception {
    return http().get("api/v1/users", demoAdmin()).array().getValuesAs(JsonObject.class).stream()
        .filter(u -> u.getString("email").equals(email))
        .findFirst()
        .orElseThrow()
        .getString("id");
  }

  /** Logs in through the login form as a browser does; the client keeps the session cookie. */
  private HttpClient formLogin(String tenant, String email, String password) throws Exception {
    return FormLogin.login(base, tenant, email, password);
  }

  private int me(HttpClient browser) throws Exception {
    return FormLogin.status(browser, base, "api/v1/me");
  }

  @Test
  void reset_request_answers_the_same_whether_or_not_the_account_exists() throws Exception {
    String known = "employee2@demo.example";
    List<RestClient.Reply> replies = new ArrayList<>();
    for (String[] ask :
        new String[][] {
          {"demo", known}, {"demo", "nobody-" + UUID.randomUUID() + "@demo.example"},
          {"nope", known}, {"acme", known}
        }) {
      replies.add(
          http()
              .post(
                  "api/v1/password-resets",
                  null,
                  Json.createObjectBuilder().add("tenant", ask[0]).add("email", ask[1]).build()));
    }
    for (RestClient.Reply r : replies) {
      assertEquals(202, r.status());
      assertEquals(replies.get(0).body(), r.body());
    }
    inbox.token(known);
  }

  @Test
  void tenant_without_admin_password_invites_its_admin() throws Exception {
    String root = http().login("platform", "root@kursfilm.example", ItEnvironment.demoPassword());
    String slug = "inv" + UUID.randomUUID().toString().substring(0, 6);
    String adminEmail = "boss@" + slug + ".example";

    RestClient.Reply weak =
        http()
            .post(
                "api/v1/tenants",
                root,
                Json.createObjectBuilder()
                    .add("slug", slug)
                    .add("name", "Weak Corp")
                    .add("adminEmail", adminEmail)
                    .add("adminPassword", "password1234")
                    .build());
    assertEquals(400, weak.status());
    assertEquals("weak_password", weak.json().getString("error"));

    RestClient.Reply created =
        http()
            .post(
                "api/v1/tenants",
                root,
                Json.createObjectBuilder()
                    .add("slug", slug)
                    .add("name", "Invite Corp")
                    .add("adminEmail", adminEmail)
                    .build());
    assertEquals(201, created.status(), created.body());
    assertEquals(200, accept(slug, inbox.token(adminEmail), GOOD_PASSWORD).status());
    String admin = http().login(slug, adminEmail, GOOD_PASSWORD);
    assertEquals(
        Set.of("TENANT_ADMIN"),
        strings(http().get("api/v1/me", admin).json().getJsonArray("roles")));
  }

  @Test
  void token_table_holds_neither_tokens_nor_addresses_in_clear() throws Exception {
    String email = fresh("demo");
    assertEquals(201, invite(demoAdmin(), email, "EMPLOYEE").status());
    String token = inbox.token(email);

    List<String> cells = new ArrayList<>();
    try (Connection db =
            DriverManager.getConnection(
                System.getProperty("kursfilm.it.db.url"),
                System.getProperty("kursfilm.it.db.user"),
                System.getProperty("kursfilm.it.db.password"));
        ResultSet rows = db.createStatement().executeQuery("SELECT * FROM account_token")) {
      ResultSetMetaData meta = rows.getMetaData();
      while (rows.next()) {
        for (int c = 1; c <= meta.getColumnCount(); c++) {
          String value = rows.getString(c);
          if (value != null) {
            cells.add(value.toLowerCase(Locale.ROOT));
          }
        }
      }
    }
    assertFalse(cells.isEmpty());
    for (String cell : cells) {
      assertFalse(cell.contains(token.toLowerCase(Locale.ROOT)), "token in clear");
      assertFalse(cell.contains("@"), "an address in clear: " + cell);
      assertFalse(cell.contains("invited person"), "a name in clear");
    }
  }

  @Test
  void an_address_copied_into_another_invitation_row_does_not_open_there() throws Exception {
    String victim = fresh("demo");
    String other = fresh("demo");
    assertEquals(201, invite(demoAdmin(), victim, "TRAINER").status());
    assertEquals(201, invite(demoAdmin(), other, "EMPLOYEE").status());
    String otherToken = inbox.token(other);

    try (Connection db =
        DriverManager.getConnection(
            System.getProperty("kursfilm.it.db.url"),
            System.getProperty("kursfilm.it.db.user"),
            System.getProperty("kursfilm.it.db.password"))) {
      List<String[]> newest = new ArrayList<>();
      try (ResultSet rows =
          db.createStatement()
              .executeQuery(
                  "SELECT id, email_sealed FROM account_token WHERE purpose = 'INVITATION'"
                      + " ORDER BY created_at DESC LIMIT 2")) {
        while (rows.next()) {
          newest.add(new String[] {rows.getString(1), rows.getString(2)});
        }
      }
      String[] otherRow = newest.get(0);
      String[] victimRow = newest.get(1);
      assertTrue(otherRow[1].startsWith("f2:"), "sealed bound to its row");
      // The other's row now carries the victim's sealed address, as a thief of the DB might do.
      setEmailSealed(db, otherRow[0], victimRow[1]);
      try {
        assertNotEquals(200, accept("demo", otherToken, GOOD_PASSWORD).status());
        assertEquals(
            401,
            http()
                .post(
                    "api/v1/sessions", null, RestClient.credentials("demo", victim, GOOD_PASSWORD))
                .status(),
            "nobody became the victim");
      } finally {
        // Later tests list the tenant's pending invitations, which this row would break.
        setEmailSealed(db, otherRow[0], otherRow[1]);
      }
    }
  }

  private static void setEmailSealed(Connection db, String id, String sealed) throws Exception {
    try (PreparedStatement copy =
        db.prepareStatement("UPDATE account_token SET email_sealed = ? WHERE id = ?")) {
      copy.setString(1, sealed);
      copy.setString(2, id);
      assertEquals(1, copy.executeUpdate());
    }
  }
}
