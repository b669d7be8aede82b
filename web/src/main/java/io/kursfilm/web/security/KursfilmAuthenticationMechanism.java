package io.kursfilm.web.security;

import io.kursfilm.identity.boundary.Authentication;
import io.kursfilm.identity.control.AuthenticatedCaller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * One mechanism for UI and API. A bearer token wins; otherwise the caller established at form login
 * is taken from the HTTP session. Form login renews the session id against fixation and issues the
 * session's CSRF token for API calls made with the session cookie.
 *
 * <p>The authenticated caller is left in a request attribute; {@link CallerBindingFilter} hands it
 * to the business tier.
 */
@ApplicationScoped
public class KursfilmAuthenticationMechanism implements HttpAuthenticationMechanism {

  static final String SESSION_CALLER = "kursfilm.caller";
  static final String SESSION_CSRF = "kursfilm.csrf";
  static final String REQUEST_CALLER = "kursfilm.request.caller";
  static final String REQUEST_VIA = "kursfilm.request.via";
  static final String VIA_BEARER = "bearer";
  static final String VIA_SESSION = "session";

  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject Authentication authentication;

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    Optional<String> bearer = bearerToken(request);
    if (bearer.isPresent()) {
      Optional<AuthenticatedCaller> who = authentication.resolveApiSession(bearer.get());
      if (who.isEmpty()) {
        return ApiErrorResponse.unauthorized(response, context);
      }
      return accept(request, context, who.get(), VIA_BEARER);
    }
    if (context.isAuthenticationRequest()
        && context.getAuthParameters().getCredential() instanceof TenantCredential credential) {
      return formLogin(request, context, credential);
    }
    HttpSession session = request.getSession(false);
    if (session != null
        && session.getAttribute(SESSION_CALLER) instanceof AuthenticatedCaller who) {
      return accept(request, context, who, VIA_SESSION);
    }
    if (context.isProtected()) {
      if (isApi(request)) {
        return ApiErrorResponse.unauthorized(response, context);
      }
      return context.redirect(request.getContextPath() + "/login.xhtml");
    }
    return context.doNothing();
  }

  private AuthenticationStatus formLogin(
      HttpServletRequest request, HttpMessageContext context, TenantCredential credential) {
    Optional<AuthenticatedCaller> who;
    try {
      who =
          authentication.authenticate(
              credential.tenant(), credential.email(), credential.password());
    } finally {
      credential.clear();
    }
    if (who.isEmpty()) {
      return AuthenticationStatus.SEND_FAILURE;
    }
    if (request.getSession(false) != null) {
      request.changeSessionId();
    }
    HttpSession session = request.getSession(true);
    session.setAttribute(SESSION_CALLER, who.get());
    session.setAttribute(SESSION_CSRF, newCsrfToken());
    return accept(request, context, who.get(), VIA_SESSION);
  }

  private static AuthenticationStatus accept(
      HttpServletRequest request, HttpMessageContext context, AuthenticatedCaller who, String via) {
    request.setAttribute(REQUEST_CALLER, who);
    request.setAttribute(REQUEST_VIA, via);
    return context.notifyContainerAboutLogin(who.userId(), who.groups());
  }

  @Override
  public void cleanSubject(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
  }

  static Optional<String> bearerToken(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Optional.of(header.substring(7).strip());
    }
    return Optional.empty();
  }

  static boolean isApi(HttpServletRequest request) {
    return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
  }

  private static String newCsrfToken() {
    byte[] raw = new byte[32];
    RANDOM.nextBytes(raw);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
  }

  /** Writes the API's JSON error for an unauthenticated request. */
  static final class ApiErrorResponse {
    private ApiErrorResponse() {}

    static AuthenticationStatus unauthorized(
        HttpServletResponse response, HttpMessageContext context) {
      try {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader("WWW-Authenticate", "Bearer");
        response.setContentType("application/json");
        response
            .getWriter()
            .write(
                "{\"error\":\"unauthenticated\",\"message\":\"Missing, invalid or expired credentials.\"}");
      } catch (IOException e) {
        // The client went away; nothing left to tell it.
      }
      return AuthenticationStatus.SEND_FAILURE;
    }
  }
}
