package io.kursfilm.web.security;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The client address used for login throttling. By default the TCP peer; with {@code
 * kursfilm.http.trust-forwarded-for} the last {@code X-Forwarded-For} entry, which is the one the
 * (single, trusted) reverse proxy appended. Earlier entries are whatever the client sent.
 */
public final class ClientAddress {

  private ClientAddress() {}

  public static String of(HttpServletRequest request, boolean trustForwardedFor) {
    return of(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"), trustForwardedFor);
  }

  static String of(String peer, String forwardedFor, boolean trustForwardedFor) {
    if (trustForwardedFor && forwardedFor != null && !forwardedFor.isBlank()) {
      String[] hops = forwardedFor.split(",", -1);
      String last = hops[hops.length - 1].strip();
      if (!last.isEmpty() && last.length() <= 64) {
        return last;
      }
    }
    return peer;
  }
}
