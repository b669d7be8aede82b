package io.kursfilm.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kursfilm.web.ItEnvironment;
import io.kursfilm.web.testing.SharedApp;
import java.net.URL;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The HTTP surface as a hostile client sees it, over raw sockets: redirects that a forged Host
 * header cannot steer, the app's own error pages with its security headers, the content security
 * policy of a page, the session cookie and a metrics endpoint closed to the public.
 */
@ExtendWith(SharedApp.class)
class HttpSurfaceIT {

  private static final String EVIL = "Host: evil.example";

  final URL base = SharedApp.base();

  @BeforeAll
  static void s3() throws Exception {
    ItEnvironment.s3();
  }

  private String path(String page) {
    return base.getPath() + page;
  }

  private static String publicBase() {
    return System.getProperty("kursfilm.it.base-url");
  }

  private void assertRedirectsToPublicAddress(RawHttp.Answer answer, String page) {
    assertTrue(answer.status() >= 300 && answer.status() < 400, "a redirect: " + answer);
    String location = answer.header("Location").orElseThrow();
    assertFalse(location.contains("evil.example"), location);
    assertEquals(publicBase() + page, location.replaceFirst("\\?.*", ""));
  }

  @Test
  void the_start_page_redirect_ignores_a_forged_host_header() throws Exception {
    RawHttp.Answer answer = RawHttp.send(base, "GET", path(""), EVIL);
    assertRedirectsToPublicAddress(answer, "login.xhtml");
  }

  @Test
  void the_login_redirect_of_a_protected_page_ignores_a_forged_host_header() throws Exception {
    RawHttp.Answer answer = RawHttp.send(base, "GET", path("admin/index.xhtml"), EVIL);
    assertRedirectsToPublicAddress(answer, "login.xhtml");
  }

  @Test
  void the_sso_failure_redirect_ignores_a_forged_host_header() throws Exception {
    RawHttp.Answer answer = RawHttp.send(base, "GET", path("sso/start?tenant=nope"), EVIL);
    assertRedirectsToPublicAddress(answer, "login.xhtml");
  }

  @Test
  void a_method_faces_refuses_gets_our_page_with_the_security_headers() throws Exception {
    RawHttp.Answer answer = RawHttp.send(base, "PROPFIND", path("login.xhtml"));
    assertTrue(answer.status() >= 400 && answer.status() < 500, answer.toString());
    assertHardened(answer);
    assertTrue(answer.body().contains("cannot be handled"), answer.body());
    assertFalse(answer.body().contains("Payara"), answer.body());
  }

  @Test
  void an_unsatisfiable_range_on_a_static_file_gets_our_page_with_the_headers() throws Exception {
    RawHttp.Answer answer =
        RawHttp.send(base, "GET", path("error.html"), "Range: bytes=9223372036854775807-");
    assertEquals(416, answer.status(), answer.toString());
    assertHardened(answer);
    assertFalse(answer.body().contains("Payara"), answer.body());
  }

  @Test
  void an_api_error_is_json_with_the_security_headers() throws Exception {
    RawHttp.Answer answer = RawHttp.send(base, "PROPFIND", path("api/v1/me"));
    assertTrue(answer.status() >= 400 && answer.status() < 500, answer.toString());
    assertHardened(answer);
    assertTrue(
        answer.header("Content-Type").orElse("").startsWith("application/json"), answer.toString());
    assertTrue(answer.body().contains("\"error\""), answer.body());
    assertFalse(answer.body().contains("Payara"), answer.body());
  }

  @Test
  void pages_get_a_nonce_policy_without_unsafe_inline_scripts() throws Exception {
    RawHttp.Answer answer = RawHttp.send(base, "GET", path("login.xhtml"));
    assertEquals(200, answer.status());
    List<String> policies = answer.all("Content-Security-Policy");
    assertEquals(1, policies.size(), "one policy, not two that both apply: " + policies);
    Matcher scriptSrc = Pattern.compile("script-src ([^;]*)").matcher(policies.get(0));
    assertTrue(scriptSrc.find(), policies.get(0));
    assertFalse(scriptSrc.group(1).contains("unsafe-inline"), policies.get(0));
    Matcher nonce = Pattern.compile("'nonce-([^']+)'").matcher(scriptSrc.group(1));
    assertTrue(nonce.find(), policies.get(0));
    assertTrue(policies.get(0).contains("frame-ancestors 'none'"), policies.get(0));
    Matcher script = Pattern.compile("<script([^>]*)>").matcher(answer.body());
    int scripts = 0;
    while (script.find()) {
      scripts++;
      assertTrue(
          script.group(1).contains("src=") || script.group(1).contains("nonce=\"" + nonce.group(1)),
          "inline script without the nonce: " + script.group());
    }
    assertTrue(scripts > 0);
    assertFalse(
        Pattern.compile("\\son[a-z]+=\"").matcher(answer.body()).find(),
        "no inline event handlers");
  }

  @Test
  void the_session_cookie_is_http_only_and_same_site_lax() throws Exception {
    RawHttp.Answer answer = RawHttp.send(base, "GET", path("login.xhtml"));
    String cookie =
        answer.all("Set-Cookie").stream()
            .filter(c -> c.startsWith("JSESSIONID="))
            .findFirst()
            .orElseThrow(() -> new AssertionError(answer.headerLines().toString()));
    assertTrue(cookie.contains("HttpOnly"), cookie);
    assertTrue(cookie.toLowerCase(java.util.Locale.ROOT).contains("samesite=lax"), cookie);
  }

  @Test
  void plain_http_gets_no_hsts() throws Exception {
    RawHttp.Answer answer = RawHttp.send(base, "GET", path("login.xhtml"));
    assertTrue(answer.header("Strict-Transport-Security").isEmpty(), answer.toString());
  }

  @Test
  void metrics_are_not_served_on_the_public_port() throws Exception {
    RawHttp.Answer answer = RawHttp.send(base, "GET", "/metrics");
    assertNotEquals(200, answer.status(), answer.body());
    assertFalse(answer.body().contains("# TYPE"), answer.body());
  }

  private static void assertHardened(RawHttp.Answer answer) {
    assertEquals(
        "nosniff", answer.header("X-Content-Type-Options").orElse(null), answer.toString());
    assertEquals("DENY", answer.header("X-Frame-Options").orElse(null), answer.toString());
    assertTrue(
        answer.header("Content-Security-Policy").orElse("").contains("frame-ancestors 'none'"),
        answer.toString());
  }
}
