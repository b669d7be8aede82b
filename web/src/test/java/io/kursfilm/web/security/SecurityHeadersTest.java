package io.kursfilm.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SecurityHeadersTest {

  private static final String POLICY = "default-src 'self'; script-src 'self'";

  @Test
  void hsts_over_tls() {
    Map<String, String> headers = new SecurityHeaders(POLICY, false).of(true);
    assertEquals(SecurityHeaders.HSTS, headers.get("Strict-Transport-Security"));
  }

  @Test
  void hsts_when_the_public_address_is_https_even_behind_a_plain_proxy_hop() {
    Map<String, String> headers = new SecurityHeaders(POLICY, true).of(false);
    assertEquals(SecurityHeaders.HSTS, headers.get("Strict-Transport-Security"));
  }

  @Test
  void no_hsts_on_plain_http() {
    assertFalse(
        new SecurityHeaders(POLICY, false).of(false).containsKey("Strict-Transport-Security"));
  }

  @Test
  void the_policy_and_the_classic_headers_are_always_there() {
    Map<String, String> headers = new SecurityHeaders(POLICY, false).of(false);
    assertEquals(POLICY, headers.get("Content-Security-Policy"));
    assertEquals("nosniff", headers.get("X-Content-Type-Options"));
    assertEquals("DENY", headers.get("X-Frame-Options"));
  }
}
