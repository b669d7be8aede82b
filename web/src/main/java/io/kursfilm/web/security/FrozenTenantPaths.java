package io.kursfilm.web.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Pattern;

/**
 * What the tenant admins of an OFFBOARDING tenant may still reach (everybody else of that tenant
 * cannot log in at all): the offboarding endpoints and pages, who they are, their own session
 * (logout), and the static resources and error pages those pages need. Everything else of the
 * frozen tenant is answered 403 {@code tenant_offboarding}, so nothing new is written while its
 * export is taken.
 */
final class FrozenTenantPaths {

  private static final Pattern ALLOWED =
      Pattern.compile(
          "/api/v1/offboarding(/.*)?"
              + "|/api/v1/me"
              + "|/api/v1/sessions/(current|logout-all)"
              + "|/admin/offboarding(\\.xhtml|/.*)"
              + "|/(forbidden|login)\\.xhtml"
              + "|/(error|not-found|bad-request)\\.html"
              + "|/jakarta\\.faces\\.resource/.*"
              + "|/resources/.*");

  private FrozenTenantPaths() {}

  static boolean allows(HttpServletRequest request) {
    return allows(request.getRequestURI().substring(request.getContextPath().length()));
  }

  /** {@code path} below the context root, e.g. {@code /api/v1/offboarding/1}. */
  static boolean allows(String path) {
    return ALLOWED.matcher(path).matches();
  }
}
