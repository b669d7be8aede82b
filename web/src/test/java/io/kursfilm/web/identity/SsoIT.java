package io.kursfilm.web.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kursfilm.web.ItEnvironment;
import io.kursfilm.web.testing.IdentityProvider;
import io.kursfilm.web.testing.RestClient;
import io.kursfilm.web.testing.SharedApp;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Single sign-on end to end: a real OpenID Connect provider (mock-oauth2-server: discovery, JWKS,
 * code flow with PKCE) runs in the test JVM on 127.0.0.1; tenant admins point their tenant at it
 * through the API, and a cookie-keeping client plays the browser, following every redirect by hand.
 * The provider signs whatever claims a test enqueues, so forged nonces, foreign issuers and
 * unverified addresses arrive exactly as a hostile or misconfigured provider would send them.
 */
@ExtendWith(SharedApp.class)
class SsoIT {

  private static final String DEMO_SECRET = "demo-client-secret-" + UUID.randomUUID();
  private static final String ACME_SECRET = "acme-client-secret-" + UUID.randomUUID();
  private static IdentityProvider provider;
  private static Inbox inbox;

  final URL base = SharedApp.base();

  @BeforeAll
  static void start() throws Exception {
    ItEnvironment.s3();
    inbox = new Inbox(Integer.parseInt(System.getProperty("kursfilm.it.mail.port")));
    provider = new IdentityProvider().start();
  }

  @AfterAll
  static void stop() {
    if (provider != null) {
      provider.stop();
    }
    if (inbox != null) {
      inbox.stop();
    }
  }

  private static String issuer(String id) {
    return provider.issuer(id);
  }

  private static void nextIdToken(String issuerId, Map<String, Object> claims) {
    provider.nextIdToken(issuerId, claims);
  }

  /** Each test gets its own client address, so deliberate failures throttle nobody else. */
  private final String address =
      "10.99." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250);

  private RestClient http() {
    return new RestClient(base, address);
  }

  private String admin(String tenant) throws Exception {
    return http().login(tenant, "admin@" + tenant + ".example", ItEnvironment.demoPassword());
  }

  private RestClient.Reply configure(
      String tenant, String issuerId, String secret, boolean noPasswords) throws Exception {
    return http()
        .put(
            "api/v1/tenant/sso",
            admin(tenant),
            Json.createObjectBuilder()
                .add("enabled", true)
                .add("issuer", issuer(issuerId))
                .add("clientId", "kursfilm-" + tenant)
                .add("clientSecret", secret)
                .add("passwordLoginDisabled", noPasswords)
                .add("trustProviderEmail", false)
                .build());
  }

  private void demoSso() throws Exception {
    RestClient.Reply saved = configure("demo", "demo-idp", DEMO_SECRET, false);
    assertEquals(200, saved.status(), saved.body());
  }

  private static Map<String, Object> person(String email, Object verified) {
    Map<String, Object> claims = new HashMap<>();
    claims.put("email", email);
    if (verified != null) {
      claims.put("email_verified", verified);
    }
    return claims;
  }

  /** A browser: keeps cookies, follows nothing by itself. */
  private final class Browser {
    final CookieManager cookies = new CookieManager();
    final HttpClient client =
        HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    HttpResponse<String> get(URI uri) throws Exception {
      return client.send(
          HttpRequest.newBuilder(uri)
              .header("X-Forwarded-For", address)
              .header("Accept-Language", "en")
              .timeout(Duration.ofSeconds(30))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> app(String path) throws Exception {
      return get(URI.create(base.toString()).resolve(path));
    }

    String session() {
      return cookies.getCookieStore().getCookies().stream()
          .filter(c -> c.getName().equals("JSESSIONID"))
          .map(HttpCookie::getValue)
          .findFirst()
          .orElse(null);
    }

    /** Starts a sign-in at the app and returns where the app sends the browser. */
    URI startAt(String tenant, String invitation) throws Exception {
      String query =
          "sso/start?tenant=" + tenant + (invitation == null ? "" : "&invitation=" + invitation);
      HttpResponse<String> started = app(query);
      assertEquals(302, started.statusCode(), started.body());
      return URI.create(started.headers().firstValue("Location").orElseThrow());
    }

    /** The provider signs the person in at once and sends the browser back with code and state. */
    String callbackQuery(URI authorization) throws Exception {
      HttpResponse<String> answered = get(authorization);
      assertEquals(302, answered.statusCode(), answered.body());
      URI back = URI.create(answered.headers().firstValue("Location").orElseThrow());
      assertTrue(back.getPath().endsWith("/sso/callback"), back.toString());
      return back.getRawQuery();
    }

    /** Hands the provider's answer to the app; returns where the app then sends the browser. */
    String finish(String query) throws Exception {
      HttpResponse<String> done = app("sso/callback?" + query);
      assertEquals(302, done.statusCode(), done.body());
      return done.headers().firstValue("Location").orElseThrow();
    }

    String signIn(String tenant, String issuerId, Map<String, Object> claims) throws Exception {
      URI authorization = startAt(tenant, null);
      nextIdToken(issuerId, claims);
      return finish(callbackQuery(authorization));
    }
  }

  private static void assertGenericFailure(String location) {
    assertTrue(location.contains("/login.xhtml?sso=failed"), location);
  }

  @Test
  void verified_employee_signs_in_and_gets_the_same_session_as_a_password_login() throws Exception {
    demoSso();
    Browser browser = new Browser();
    assertTrue(
        browser
            .app("login.xhtml?tenant=demo")
            .body()
            .contains("Sign in with your company account"));
    URI authorization = browser.startAt("demo", null);
    String before = browser.session();

    assertTrue(authorization.toString().startsWith(issuer("demo-idp") + "/authorize"));
    String request = authorization.getRawQuery();
    for (String part :
        List.of(
            "code_challenge_method=S256", "code_challenge=", "state=", "nonce=", "scope=openid")) {
      assertTrue(request.contains(part), request);
    }
    nextIdToken("demo-idp", person("employee1@demo.example", true));
    String landed = browser.finish(browser.callbackQuery(authorization));

    assertTrue(landed.endsWith("/portal/index.xhtml"), landed);
    assertNotEquals(before, browser.session(), "session id renewed at login");
    HttpResponse<String> me = browser.app("api/v1/me");
    assertEquals(200, me.statusCode(), me.body());
    JsonObject json = Json.createReader(new java.io.StringReader(me.body())).readObject();
    assertEquals("employee1@demo.example", json.getString("email"));
    assertEquals("demo", json.getString("tenant"));
    assertEquals(200, browser.app("portal/index.xhtml").statusCode());
    RestClient.Reply logins = http().get("api/v1/audit?action=LOGIN", admin("demo"));
    assertTrue(logins.body().contains("\"method\":\"sso\""), logins.body());
  }

  @Test
  void forged_nonce_foreign_issuer_and_unverified_addresses_fail_alike() throws Exception {
    demoSso();
    Map<String, Object> forgedNonce = person("employee1@demo.example", true);
    forgedNonce.put("nonce", "forged-" + UUID.randomUUID());
    Map<String, Object> foreignIssuer = person("employee1@demo.example", true);
    foreignIssuer.put("iss", issuer("other-idp"));
    Map<String, Object> foreignAudience = person("employee1@demo.example", true);
    foreignAudience.put("aud", "someone-else");

    for (Map<String, Object> claims :
        List.of(
            forgedNonce,
            foreignIssuer,
            foreignAudience,
            person("employee1@demo.example", false),
            person("employee1@demo.example", null),
            person("employee1@demo.example", "no"),
            person("nobody-" + UUID.randomUUID() + "@demo.example", true))) {
      Browser browser = new Browser();
      assertGenericFailure(browser.signIn("demo", "demo-idp", claims));
      assertEquals(401, browser.app("api/v1/me").statusCode(), claims.toString());
    }
    RestClient.Reply failures = http().get("api/v1/audit?action=LOGIN_FAILED", admin("demo"));
    assertTrue(failures.body().contains("\"reason\":\"id_token\""), failures.body());
    assertTrue(failures.body().contains("\"reason\":\"email_unverified\""), failures.body());
    assertFalse(failures.body().contains("nobody-"), "no address in the audit log");
  }

  @Test
  void once_linked_only_the_same_subject_signs_in_and_another_with_the_same_email_is_refused()
      throws Exception {
    demoSso();
    String email = "employee5@demo.example";
    Map<String, Object> first = person(email, true);
    first.put("sub", "first-" + UUID.randomUUID());
    Map<String, Object> second = person(email, true);
    second.put("sub", "second-" + UUID.randomUUID());

    Browser owner = new Browser();
    assertTrue(owner.signIn("demo", "demo-idp", first).endsWith("/portal/index.xhtml"));
    // Somebody else at the provider who got (or chose) the same address.
    Browser intruder = new Browser();
    assertGenericFailure(intruder.signIn("demo", "demo-idp", second));
    assertEquals(401, intruder.app("api/v1/me").statusCode());
    // The linked subject still signs in, even after its address changed at the provider.
    Map<String, Object> renamed = person("renamed-" + UUID.randomUUID() + "@demo.example", true);
    renamed.put("sub", first.get("sub"));
    Browser again = new Browser();
    assertTrue(again.signIn("demo", "demo-idp", renamed).endsWith("/portal/index.xhtml"));
    HttpResponse<String> me = again.app("api/v1/me");
    assertTrue(me.body().contains(email), me.body());

    JsonObject refused =
        http()
            .get("api/v1/audit?action=LOGIN_FAILED&limit=20", admin("demo"))
            .array()
            .getValuesAs(JsonObject.class)
            .stream()
            .filter(
                e -> "subject_mismatch".equals(e.getJsonObject("details").getString("reason", "")))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no LOGIN_FAILED with subject_mismatch"));
    assertEquals("user", refused.getString("subjectType"));
    assertFalse(refused.toString().contains("@"), refused.toString());
    RestClient.Reply linked = http().get("api/v1/audit?action=SSO_LINKED", admin("demo"));
    assertEquals(200, linked.status(), linked.body());
    assertTrue(
        linked.array().getValuesAs(JsonObject.class).stream()
            .anyMatch(e -> e.getString("subjectId").equals(refused.getString("subjectId"))),
        "the first sign-in linked the account");
  }

  @Test
  void state_must_come_back_to_the_browser_that_started_the_sign_in_and_only_once()
      throws Exception {
    demoSso();
    Browser browser = new Browser();
    URI authorization = browser.startAt("demo", null);
    nextIdToken("demo-idp", person("employee1@demo.example", true));
    String query = browser.callbackQuery(authorization);

    String tampered = query.replaceAll("state=[^&]+", "state=" + UUID.randomUUID());
    assertGenericFailure(browser.finish(tampered));
    assertEquals(401, browser.app("api/v1/me").statusCode());
    // Another browser (say, a victim lured to the attacker's callback link) has no such sign-in.
    Browser victim = new Browser();
    assertGenericFailure(victim.finish(query));
    assertEquals(401, victim.app("api/v1/me").statusCode());

    assertTrue(browser.finish(query).endsWith("/portal/index.xhtml"));
    // Used up: the same answer again is refused, even in the same browser.
    assertGenericFailure(browser.finish(query));
  }

  @Test
  void one_tenants_provider_cannot_sign_anybody_into_another_tenant() throws Exception {
    demoSso();
    assertEquals(200, configure("acme", "acme-idp", ACME_SECRET, false).status());

    // acme's provider vouches for a demo address: it is matched in acme only, where it is unknown.
    Browser intruder = new Browser();
    assertGenericFailure(intruder.signIn("acme", "acme-idp", person("admin@demo.example", true)));
    assertEquals(401, intruder.app("api/v1/me").statusCode());

    Browser acme = new Browser();
    assertTrue(
        acme.signIn("acme", "acme-idp", person("employee1@acme.example", true))
            .endsWith("/portal/index.xhtml"));
    HttpResponse<String> me = acme.app("api/v1/me");
    assertEquals(200, me.statusCode(), me.body());
    assertTrue(me.body().contains("\"tenant\":\"acme\""), me.body());
  }

  @Test
  void invitation_is_accepted_by_sso_and_deactivation_ends_sso_logins() throws Exception {
    demoSso();
    String email = "sso" + UUID.randomUUID().toString().substring(0, 8) + "@demo.example";
    String adminToken = admin("demo");
    RestClient.Reply invited =
        http()
            .post(
                "api/v1/invitations",
                adminToken,
                Json.createObjectBuilder()
                    .add("email", email)
                    .add("displayName", "Sso Person")
                    .add("roles", Json.createArrayBuilder().add("TRAINER"))
                    .build());
    assertEquals(201, invited.status(), invited.body());
    String token = inbox.token(email);
    assertTrue(
        new Browser()
            .app("invite.xhtml?token=" + token)
            .body()
            .contains("Join with your company account"));

    // Another address than the invited one does not accept the invitation.
    Browser other = new Browser();
    URI wrong = other.startAt("demo", token);
    nextIdToken("demo-idp", person("employee2@demo.example", true));
    assertGenericFailure(other.finish(other.callbackQuery(wrong)));

    Browser browser = new Browser();
    URI authorization = browser.startAt("demo", token);
    nextIdToken("demo-idp", person(email.toUpperCase(java.util.Locale.ROOT), true));
    String landed = browser.finish(browser.callbackQuery(authorization));
    assertTrue(landed.endsWith("/trainer/index.xhtml"), landed);
    HttpResponse<String> me = browser.app("api/v1/me");
    assertTrue(me.body().contains(email), me.body());
    assertEquals(400, http().get("api/v1/invitations/preview?token=" + token, null).status());

    String userId = null;
    for (JsonObject user :
        http().get("api/v1/users", adminToken).array().getValuesAs(JsonObject.class)) {
      if (user.getString("email").equals(email)) {
        userId = user.getString("id");
      }
    }
    RestClient.Reply deactivated =
        http()
            .put(
                "api/v1/users/" + userId,
                adminToken,
                Json.createObjectBuilder()
                    .add("active", false)
                    .add("roles", Json.createArrayBuilder().add("TRAINER"))
                    .build());
    assertEquals(200, deactivated.status(), deactivated.body());
    assertEquals(401, browser.app("api/v1/me").statusCode(), "open session ended");
    assertGenericFailure(new Browser().signIn("demo", "demo-idp", person(email, true)));
  }

  @Test
  void client_secret_is_write_only_and_sealed_at_rest() throws Exception {
    RestClient.Reply saved = configure("demo", "demo-idp", DEMO_SECRET, false);
    RestClient.Reply read = http().get("api/v1/tenant/sso", admin("demo"));
    RestClient.Reply keep =
        http()
            .put(
                "api/v1/tenant/sso",
                admin("demo"),
                Json.createObjectBuilder()
                    .add("enabled", true)
                    .add("issuer", issuer("demo-idp"))
                    .add("clientId", "kursfilm-demo")
                    .add("passwordLoginDisabled", false)
                    .add("trustProviderEmail", false)
                    .build());

    for (RestClient.Reply reply : List.of(saved, read, keep)) {
      assertEquals(200, reply.status(), reply.body());
      assertFalse(reply.body().contains(DEMO_SECRET), reply.body());
      assertTrue(reply.json().getBoolean("clientSecretSet"));
      assertTrue(reply.json().getString("redirectUri").endsWith("/sso/callback"));
    }
    // Kept without sending it again: sign-in still works with the stored secret.
    assertTrue(
        new Browser()
            .signIn("demo", "demo-idp", person("employee3@demo.example", true))
            .endsWith("/portal/index.xhtml"));
    try (Connection db =
            DriverManager.getConnection(
                System.getProperty("kursfilm.it.db.url"),
                System.getProperty("kursfilm.it.db.user"),
                System.getProperty("kursfilm.it.db.password"));
        ResultSet rows =
            db.createStatement().executeQuery("SELECT client_secret_sealed FROM tenant_sso")) {
      while (rows.next()) {
        String sealed = rows.getString(1);
        assertTrue(sealed.startsWith("f1:"), "sealed");
        assertFalse(sealed.contains("client-secret"), "secret in clear");
      }
    }
    RestClient.Reply audit = http().get("api/v1/audit?action=SSO_CONFIGURED", admin("demo"));
    assertTrue(audit.body().contains("\"clientSecretChanged\":\"false\""), audit.body());
    assertFalse(audit.body().contains(DEMO_SECRET));
  }

  @Test
  void only_tenant_admins_configure_and_bad_settings_are_refused() throws Exception {
    String trainer = http().login("demo", "trainer@demo.example", ItEnvironment.demoPassword());
    assertEquals(403, http().get("api/v1/tenant/sso", trainer).status());
    JsonObject body =
        Json.createObjectBuilder()
            .add("enabled", true)
            .add("issuer", issuer("demo-idp"))
            .add("clientId", "x")
            .add("clientSecret", "y")
            .build();
    assertEquals(403, http().put("api/v1/tenant/sso", trainer, body).status());
    assertEquals(401, http().put("api/v1/tenant/sso", null, body).status());

    RestClient.Reply unreachable =
        http()
            .put(
                "api/v1/tenant/sso",
                admin("acme"),
                Json.createObjectBuilder()
                    .add("enabled", true)
                    .add("issuer", "http://127.0.0.1:9/nothing-here")
                    .add("clientId", "x")
                    .add("clientSecret", "y")
                    .build());
    assertEquals(400, unreachable.status(), unreachable.body());
  }

  @Test
  void a_tenant_can_allow_sign_in_only_through_its_provider() throws Exception {
    assertEquals(200, configure("acme", "acme-idp", ACME_SECRET, true).status());
    try {
      assertEquals(
          401,
          http().tryLogin("acme", "trainer@acme.example", ItEnvironment.demoPassword()).status());
      String page = new Browser().app("login.xhtml?tenant=acme").body();
      assertTrue(page.contains("Sign in with your company account"));
      assertFalse(page.contains("type=\"password\""), "no password field");
      assertTrue(
          new Browser()
              .signIn("acme", "acme-idp", person("trainer@acme.example", true))
              .endsWith("/trainer/index.xhtml"));
    } finally {
      // Break glass: the platform operator, elevated into acme, allows passwords again.
      String root = http().login("platform", "root@kursfilm.example", ItEnvironment.demoPassword());
      RestClient.Reply elevated =
          http()
              .post(
                  "api/v1/elevations",
                  root,
                  Json.createObjectBuilder()
                      .add("tenant", "acme")
                      .add("reason", "SsoIT: allow passwords again after the test")
                      .build());
      assertEquals(201, elevated.status(), elevated.body());
      RestClient.Reply restored =
          http()
              .put(
                  "api/v1/tenant/sso",
                  root,
                  Json.createObjectBuilder()
                      .add("enabled", true)
                      .add("issuer", issuer("acme-idp"))
                      .add("clientId", "kursfilm-acme")
                      .add("passwordLoginDisabled", false)
                      .add("trustProviderEmail", false)
                      .build(),
                  "X-Kursfilm-Tenant",
                  "acme");
      assertEquals(200, restored.status(), restored.body());
    }
    assertEquals(
        201,
        http().tryLogin("acme", "trainer@acme.example", ItEnvironment.demoPassword()).status());
  }
}
