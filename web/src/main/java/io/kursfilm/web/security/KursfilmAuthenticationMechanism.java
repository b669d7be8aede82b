package io.kursfilm.web.security;

import io.kursfilm.identity.boundary.Authentication;
import io.kursfilm.identity.boundary.ElevationAudit;
import io.kursfilm.identity.boundary.Elevations;
import io.kursfilm.identity.boundary.KnownCallers;
import io.kursfilm.identity.boundary.LoginAttempt;
import io.kursfilm.identity.boundary.SsoLogin;
import io.kursfilm.identity.boundary.SsoPending;
import io.kursfilm.kernel.AuthenticatedCaller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * One mechanism for UI and API. A bearer token wins; otherwise the caller established at form login
 * is taken from the HTTP session. Form login renews the session id against fixation and issues the
 * session's CSRF token for API calls made with the session cookie. A sign-in through the tenant's
 * identity provider ends in exactly the same session as form login.
 *
 * <p>The authenticated caller is left in a request attribute; {@link CallerBindingFilter} hands it
 * to the business tier.
 *
 * <p>A session's caller is re-checked on every request (tenant and user active, session epoch
 * unchanged), so deactivation, a role change or "log out everywhere" end it at once. A platform
 * operator who sends {@value #TENANT_HEADER} acts in that tenant as TENANT_ADMIN while an elevation
 * is in force, and gets 403 otherwise.
 */
@ApplicationScoped
public class KursfilmAuthenticationMechanism implements HttpAuthenticationMechanism {

  static final String SESSION_CALLER = "kursfilm.caller";
  static final String SESSION_CSRF = "kursfilm.csrf";
  static final String REQUEST_CALLER = "kursfilm.request.caller";
  static final String REQUEST_VIA = "kursfilm.request.via";
  static final String VIA_BEARER = "bearer";
  static final String VIA_SESSION = "session";

  /** Request attribute: the login was refused because of too many failures. */
  public static final String REQUEST_THROTTLED = "kursfilm.request.throttled";

  /** Header by which an elevated platform operator names the tenant to act in (its slug). */
  public static final String TENANT_HEADER = "X-Kursfilm-Tenant";

  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject Authentication authentication;
  @Inject KnownCallers known;
  @Inject Elevations elevations;
  @Inject SsoLogin ssoLogin;
  @Inject ElevationAudit elevationAudit;

  @Inject
  @ConfigProperty(name = "kursfilm.http.trust-forwarded-for", defaultValue = "false")
  boolean trustForwardedFor;

  @Inject
  @ConfigProperty(name = "kursfilm.base-url")
  String baseUrl;

  private PublicAddress publicAddress;

  private PublicAddress publicAddress() {
    if (publicAddress == null) {
      publicAddress = new PublicAddress(baseUrl);
    }
    return publicAddress;
  }

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    Optional<String> bearer = bearerToken(request);
    if (bearer.isPresent()) {
      Optional<AuthenticatedCaller> who = known.resolveApiSession(bearer.get());
      if (who.isEmpty()) {
        return ApiErrorResponse.unauthorized(response, context);
      }
      return acceptInTenant(request, response, context, who.get(), VIA_BEARER);
    }
    if (context.isAuthenticationRequest()) {
      Credential given = context.getAuthParameters().getCredential();
      if (given instanceof TenantCredential credential) {
        return formLogin(request, context, credential);
      }
      if (given instanceof SsoCallbackCredential callback) {
        return ssoLogin(request, context, callback);
      }
    }
    HttpSession session = request.getSession(false);
    if (session != null
        && session.getAttribute(SESSION_CALLER) instanceof AuthenticatedCaller who) {
      if (known.isCurrent(who)) {
        return acceptInTenant(request, response, context, who, VIA_SESSION);
      }
      // Deactivated, roles changed or logged out everywhere: this session is over.
      session.invalidate();
      return notAuthenticated(request, response, context, true);
    }
    return notAuthenticated(request, response, context, context.isProtected());
  }

  private AuthenticationStatus notAuthenticated(
      HttpServletRequest request,
      HttpServletResponse response,
      HttpMessageContext context,
      boolean mustLogIn) {
    if (!mustLogIn) {
      return context.doNothing();
    }
    if (isApi(request)) {
      return ApiErrorResponse.unauthorized(response, context);
    }
    // From the public address, never from the Host header the client chose.
    String login = publicAddress().of("/login.xhtml");
    if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
      // An Ajax click would follow a plain redirect invisibly; JSF's partial response redirects.
      return ApiErrorResponse.ajaxRedirect(response, login);
    }
    return context.redirect(login);
  }

  /** Accepts the caller, as an elevated operator when the request names another tenant. */
  private AuthenticationStatus acceptInTenant(
      HttpServletRequest request,
      HttpServletResponse response,
      HttpMessageContext context,
      AuthenticatedCaller who,
      String via) {
    String target = request.getHeader(TENANT_HEADER);
    if (target == null || target.isBlank() || target.strip().equals(who.tenantSlug())) {
      if (!FrozenTenantPaths.allows(request) && known.isFrozen(who)) {
        // A frozen tenant's admin is led to the one page left to them, from the public address.
        return isApi(request)
            ? ApiErrorResponse.tenantOffboarding(response)
            : context.redirect(publicAddress().of("/admin/offboarding.xhtml"));
      }
      return accept(request, context, who, via);
    }
    Optional<Elevations.Elevated> elevated = elevations.elevate(who, target.strip());
    if (elevated.isEmpty()) {
      return ApiErrorResponse.notElevated(response);
    }
    Elevations.Elevated e = elevated.get();
    elevationAudit.elevatedAction(
        e.elevationId(), who.userId(), e.caller().tenantId(), action(request));
    return accept(request, context, e.caller(), via);
  }

  private static String action(HttpServletRequest request) {
    return request.getMethod() + " " + request.getRequestURI();
  }

  private AuthenticationStatus formLogin(
      HttpServletRequest request, HttpMessageContext context, TenantCredential credential) {
    LoginAttempt attempt;
    try {
      attempt =
          authentication.logIn(
              credential.tenant(),
              credential.email(),
              credential.password(),
              ClientAddress.of(request, trustForwardedFor));
    } finally {
      credential.clear();
    }
    return established(request, context, attempt);
  }

  /**
   * Completes a sign-in at the tenant's identity provider. The sign-in must have been started in
   * this browser's session (state), and is used up whatever the outcome.
   */
  private AuthenticationStatus ssoLogin(
      HttpServletRequest request, HttpMessageContext context, SsoCallbackCredential callback) {
    String address = ClientAddress.of(request, trustForwardedFor);
    Optional<SsoPending> pending = SsoSessions.take(request, callback.state());
    LoginAttempt attempt =
        pending.isEmpty()
            ? authentication.providerRefused(null, address, "state")
            : ssoLogin.complete(pending.get(), callback.query(), address);
    return established(request, context, attempt);
  }

  /**
   * The one way a login becomes a session, whatever proved the identity: a new session id against
   * fixation, the caller with its session epoch and a fresh CSRF token.
   */
  private AuthenticationStatus established(
      HttpServletRequest request, HttpMessageContext context, LoginAttempt attempt) {
    Optional<AuthenticatedCaller> who = attempt.caller();
    if (who.isEmpty()) {
      if (attempt.isThrottled()) {
        request.setAttribute(REQUEST_THROTTLED, attempt.retryAfterSeconds());
      }
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

  /** The caller this mechanism accepted for the request, if it accepted one. */
  public static Optional<AuthenticatedCaller> callerOf(HttpServletRequest request) {
    return request.getAttribute(REQUEST_CALLER) instanceof AuthenticatedCaller who
        ? Optional.of(who)
        : Optional.empty();
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

    /**
     * 403 for an operator naming a tenant without an elevation in force. Committed at once so the
     * container does not turn the failure into a 401.
     */
    static AuthenticationStatus notElevated(HttpServletResponse response) {
      try {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType("application/json");
        response
            .getWriter()
            .write(
                "{\"error\":\"not_elevated\",\"message\":\"No elevation into this tenant is in force.\"}");
        response.flushBuffer();
      } catch (IOException e) {
        // The client went away; nothing left to tell it.
      }
      return AuthenticationStatus.SEND_FAILURE;
    }

    /**
     * 403 for a tenant admin of an offboarding tenant outside the offboarding endpoints and pages:
     * JSON for the API, the forbidden page for the UI. Committed at once, like {@link
     * #notElevated}.
     */
    static AuthenticationStatus tenantOffboarding(HttpServletResponse response) {
      try {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType("application/json");
        response
            .getWriter()
            .write(
                "{\"error\":\"tenant_offboarding\",\"message\":\"This tenant is being offboarded:"
                    + " only its offboarding can be reached.\"}");
        response.flushBuffer();
      } catch (IOException e) {
        // The client went away; nothing left to tell it.
      }
      return AuthenticationStatus.SEND_FAILURE;
    }

    /** JSF's partial-response redirect for an Ajax request whose session has ended. */
    static AuthenticationStatus ajaxRedirect(HttpServletResponse response, String url) {
      try {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("text/xml");
        response.setCharacterEncoding("UTF-8");
        response
            .getWriter()
            .write(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
                    + url
                    + "\"/></partial-response>");
        response.flushBuffer();
      } catch (IOException e) {
        // The client went away; nothing left to tell it.
      }
      return AuthenticationStatus.SEND_FAILURE;
    }
  }
}
