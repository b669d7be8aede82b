package io.kursfilm.web.security;

import jakarta.servlet.ServletContext;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The hardening headers of every response, as plain values so the rule is testable: the content
 * security policy, no sniffing, no framing, no referrer to other sites, and HSTS once the app is
 * served over TLS (the request came in over TLS, or the public address is https).
 */
public final class SecurityHeaders {

  /** One year, the usual preload minimum; only ever sent over TLS or behind an https address. */
  static final String HSTS = "max-age=31536000";

  private final String policy;
  private final boolean httpsAddress;

  /**
   * {@code policy} is the app's Content-Security-Policy (web.xml {@code primefaces.CSP_POLICY});
   * {@code httpsAddress} whether {@code kursfilm.base-url} is https.
   */
  public SecurityHeaders(String policy, boolean httpsAddress) {
    if (policy == null || policy.isBlank()) {
      throw new IllegalStateException("primefaces.CSP_POLICY is not set in web.xml");
    }
    this.policy = policy.strip();
    this.httpsAddress = httpsAddress;
  }

  /** The app's headers: the policy from web.xml, https from {@code kursfilm.base-url}. */
  public static SecurityHeaders of(ServletContext context) {
    return new SecurityHeaders(
        context.getInitParameter("primefaces.CSP_POLICY"), PublicAddress.configured().isHttps());
  }

  /** The headers for a request that came in over TLS ({@code secure}) or not. */
  public Map<String, String> of(boolean secure) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("X-Content-Type-Options", "nosniff");
    headers.put("X-Frame-Options", "DENY");
    headers.put("Referrer-Policy", "same-origin");
    headers.put(SecurityHeadersFilter.CSP, policy);
    if (secure || httpsAddress) {
      headers.put("Strict-Transport-Security", HSTS);
    }
    return headers;
  }
}
