package io.kursfilm.web.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;

/**
 * API calls that ride on the browser's session cookie must carry the session's CSRF token in {@code
 * X-CSRF-Token} for every state-changing method. Bearer-token calls need none: browsers do not
 * attach bearer tokens by themselves.
 */
@Provider
public class CsrfGuard implements ContainerRequestFilter {

  static final String HEADER = "X-CSRF-Token";
  private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

  @Context HttpServletRequest request;

  @Override
  public void filter(ContainerRequestContext ctx) {
    if (SAFE.contains(ctx.getMethod())
        || !"session".equals(request.getAttribute("kursfilm.request.via"))) {
      return;
    }
    HttpSession session = request.getSession(false);
    Object expected = session == null ? null : session.getAttribute("kursfilm.csrf");
    String given = ctx.getHeaderString(HEADER);
    if (!(expected instanceof String token)
        || given == null
        || !MessageDigest.isEqual(
            token.getBytes(StandardCharsets.US_ASCII), given.getBytes(StandardCharsets.US_ASCII))) {
      ctx.abortWith(
          ApiError.response(Status.FORBIDDEN, "csrf", "Missing or wrong " + HEADER + " header."));
    }
  }
}
