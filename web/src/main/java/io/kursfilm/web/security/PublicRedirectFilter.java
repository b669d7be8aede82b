package io.kursfilm.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;

/**
 * Makes every redirect the app sends (JSF navigation, logout, start pages, SSO) absolute on {@code
 * kursfilm.base-url}. Without it the container completes a relative {@code Location} from the
 * request's {@code Host} header, which any client can set.
 */
@WebFilter(
    filterName = "PublicRedirectFilter",
    urlPatterns = "/*",
    asyncSupported = true,
    dispatcherTypes = {
      jakarta.servlet.DispatcherType.REQUEST,
      jakarta.servlet.DispatcherType.FORWARD,
      jakarta.servlet.DispatcherType.ERROR
    })
public class PublicRedirectFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  private transient PublicAddress address;

  @Override
  public void init() {
    address = PublicAddress.configured();
  }

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    chain.doFilter(
        req,
        new HttpServletResponseWrapper(res) {
          @Override
          public void sendRedirect(String location) throws IOException {
            super.sendRedirect(
                address.redirect(location, req.getContextPath(), req.getRequestURI()));
          }
        });
  }
}
