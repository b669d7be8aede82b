package io.kursfilm.web.security;

import io.kursfilm.kernel.Caller;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Hands the caller authenticated for this request to the business tier's request-scoped {@link
 * Caller}. A filter, because the request scope is certainly active here.
 */
@WebFilter(filterName = "CallerBindingFilter", urlPatterns = "/*")
public class CallerBindingFilter extends HttpFilter {

  @Inject Caller caller;

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    KursfilmAuthenticationMechanism.callerOf(req).ifPresent(caller::bind);
    chain.doFilter(req, res);
  }
}
