package io.kursfilm.web.security;

import io.kursfilm.identity.boundary.SsoPending;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.LinkedHashMap;
import java.util.Optional;

/**
 * Keeps started SSO sign-ins in the browser's HTTP session, by state, so the callback can only be
 * completed by the browser that started it and only once. A few at a time (several tabs); the
 * oldest is dropped beyond that.
 */
public final class SsoSessions {

  static final String ATTRIBUTE = "kursfilm.sso.pending";
  private static final int MAX_PENDING = 5;

  private SsoSessions() {}

  public static void remember(HttpSession session, SsoPending pending) {
    LinkedHashMap<String, SsoPending> all = pendingOf(session);
    all.put(pending.state(), pending);
    while (all.size() > MAX_PENDING) {
      all.remove(all.keySet().iterator().next());
    }
    // Set again so clustered sessions replicate the change.
    session.setAttribute(ATTRIBUTE, all);
  }

  /**
   * Removes and returns the sign-in whose state the callback names; empty for any other. Not
   * locked: two racing callbacks with one state carry one authorization code, which the provider
   * redeems only once.
   */
  static Optional<SsoPending> take(HttpServletRequest request, String state) {
    HttpSession session = request.getSession(false);
    if (session == null || state == null) {
      return Optional.empty();
    }
    LinkedHashMap<String, SsoPending> all = pendingOf(session);
    Optional<SsoPending> found = all.values().stream().filter(p -> p.answers(state)).findFirst();
    found.ifPresent(p -> all.remove(p.state()));
    session.setAttribute(ATTRIBUTE, all);
    return found;
  }

  @SuppressWarnings("unchecked")
  private static LinkedHashMap<String, SsoPending> pendingOf(HttpSession session) {
    Object stored = session.getAttribute(ATTRIBUTE);
    return stored instanceof LinkedHashMap<?, ?> map
        ? (LinkedHashMap<String, SsoPending>) map
        : new LinkedHashMap<>();
  }
}
