package io.kursfilm.web.security;

import io.kursfilm.kernel.NotAuthenticatedException;
import jakarta.ejb.EJBAccessException;
import jakarta.json.Json;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The app's answer to every error the container or a servlet reports with {@code sendError} (400,
 * 405, 416 …, mapped in web.xml): the API's JSON error shape under {@code /api/}, a plain page of
 * ours elsewhere, so no server banner or error report of Payara's reaches a client. It runs as an
 * error dispatch, so {@link SecurityHeadersFilter} sets the headers on it as on any page.
 */
@WebServlet(name = "ErrorPageServlet", urlPatterns = ErrorPageServlet.PATH)
public class ErrorPageServlet extends HttpServlet {

  static final String PATH = "/app-error";
  private static final long serialVersionUID = 1L;

  /** Every method: the error dispatch keeps the failed request's method (DELETE, PROPFIND …). */
  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    int status =
        request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code
            ? code
            : HttpServletResponse.SC_NOT_FOUND;
    if (refused(request.getAttribute(RequestDispatcher.ERROR_EXCEPTION))) {
      // A boundary refused the caller while a page rendered (e.g. an elevated operator on a page
      // of an own account, which they have not in the tenant): a refusal, not a server error.
      status = HttpServletResponse.SC_FORBIDDEN;
    }
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    String failed = uri instanceof String s ? s : request.getRequestURI();
    response.setStatus(status);
    if (failed.startsWith(request.getContextPath() + "/api/")) {
      json(response, status);
    } else {
      page(response, status);
    }
  }

  /** Whether {@code thrown} is, or was caused by, a boundary's refusal of the caller. */
  private static boolean refused(Object thrown) {
    for (Throwable t = thrown instanceof Throwable e ? e : null; t != null; t = t.getCause()) {
      if (t instanceof EJBAccessException || t instanceof NotAuthenticatedException) {
        return true;
      }
      if (t.getCause() == t) {
        return false;
      }
    }
    return false;
  }

  private static void json(HttpServletResponse response, int status) throws IOException {
    String reason = reason(status);
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    response
        .getWriter()
        .write(
            Json.createObjectBuilder()
                .add("error", reason.toLowerCase(Locale.ROOT).replace(' ', '_'))
                .add("message", reason + ".")
                .build()
                .toString());
  }

  private void page(HttpServletResponse response, int status) throws IOException {
    String page =
        status == HttpServletResponse.SC_NOT_FOUND
            ? "/not-found.html"
            : status >= 500 ? "/error.html" : "/bad-request.html";
    response.setContentType("text/html");
    response.setCharacterEncoding("UTF-8");
    try (InputStream in = getServletContext().getResourceAsStream(page)) {
      if (in != null) {
        response.getWriter().write(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
  }

  private static String reason(int status) {
    Response.Status known = Response.Status.fromStatusCode(status);
    if (known != null) {
      return known.getReasonPhrase();
    }
    return switch (status) {
      case 405 -> "Method Not Allowed";
      case 411 -> "Length Required";
      case 414 -> "URI Too Long";
      case 431 -> "Request Header Fields Too Large";
      default -> status >= 500 ? "Internal Server Error" : "Bad Request";
    };
  }
}
