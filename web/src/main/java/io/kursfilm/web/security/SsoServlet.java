package io.kursfilm.web.security;

import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

import io.kursfilm.identity.boundary.SsoLogin;
import io.kursfilm.kernel.AuthenticatedCaller;
import io.kursfilm.web.ui.StartPages;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The two browser stops of a sign-in at the tenant's identity provider: {@code /sso/start?tenant=}
 * (optionally {@code &invitation=} to accept an invitation) sends the browser to the provider;
 * {@code /sso/callback} takes it back and logs in through {@link KursfilmAuthenticationMechanism},
 * like the login form. Any failure lands on the login page with one generic message.
 */
@WebServlet(name = "SsoServlet", urlPatterns = "/sso/*")
public class SsoServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Inject SsoLogin sso;
  @Inject SecurityContext security;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String path = request.getPathInfo();
    if ("/start".equals(path)) {
      start(request, response);
    } else if ("/callback".equals(path)) {
      callback(request, response);
    } else {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }
  }

  private void start(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String tenant = request.getParameter("tenant");
    Optional<SsoLogin.Start> started = sso.begin(tenant, request.getParameter("invitation"));
    if (started.isEmpty()) {
      failed(request, response, tenant, "failed");
      return;
    }
    SsoSessions.remember(request.getSession(true), started.get().pending());
    response.sendRedirect(started.get().authorizationUri().toString());
  }

  private void callback(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    AuthenticationStatus status =
        security.authenticate(
            request,
            response,
            withParams()
                .newAuthentication(true)
                .credential(
                    new SsoCallbackCredential(
                        request.getQueryString(), request.getParameter("state"))));
    if (status == AuthenticationStatus.SUCCESS
        && request.getAttribute(KursfilmAuthenticationMechanism.REQUEST_CALLER)
            instanceof AuthenticatedCaller who) {
      response.sendRedirect(request.getContextPath() + StartPages.of(who));
      return;
    }
    boolean throttled =
        request.getAttribute(KursfilmAuthenticationMechanism.REQUEST_THROTTLED) != null;
    failed(request, response, null, throttled ? "throttled" : "failed");
  }

  private static void failed(
      HttpServletRequest request, HttpServletResponse response, String tenant, String why)
      throws IOException {
    String query = "?sso=" + why;
    if (tenant != null && !tenant.isBlank()) {
      query += "&tenant=" + URLEncoder.encode(tenant.strip(), StandardCharsets.UTF_8);
    }
    response.sendRedirect(request.getContextPath() + "/login.xhtml" + query);
  }
}
