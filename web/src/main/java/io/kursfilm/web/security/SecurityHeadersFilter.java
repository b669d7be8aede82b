package io.kursfilm.web.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;

/**
 * Browser hardening headers on every response, error pages included (it also runs on the error
 * dispatch); private content is never cached by proxies.
 *
 * <p>The Content-Security-Policy is the one in web.xml ({@code primefaces.CSP_POLICY}). Faces pages
 * get it from PrimeFaces with the page's script nonce appended; the filter's copy without nonce
 * covers everything else (API, static files, errors) and is replaced, not joined, when PrimeFaces
 * sets its own: two policies would both apply and the nonce-less one would block the page.
 */
@WebFilter(
    filterName = "SecurityHeadersFilter",
    urlPatterns = "/*",
    dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.FORWARD, DispatcherType.ERROR})
public class SecurityHeadersFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;
  static final String CSP = "Content-Security-Policy";

  private transient SecurityHeaders headers;

  @Override
  public void init() {
    headers = SecurityHeaders.of(getServletContext());
  }

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    headers.of(req.isSecure()).forEach(res::setHeader);
    // Faces resources and HLS media set their own caching (HLS: private, per file type).
    String uri = req.getRequestURI();
    if (!uri.contains("/jakarta.faces.resource/") && !uri.contains("/hls/")) {
      res.setHeader("Cache-Control", "no-store");
    }
    chain.doFilter(req, new OnePolicy(res));
  }

  /** Lets a policy set later (PrimeFaces, with its nonce) replace the filter's default. */
  private static final class OnePolicy extends HttpServletResponseWrapper {
    OnePolicy(HttpServletResponse response) {
      super(response);
    }

    @Override
    public void addHeader(String name, String value) {
      if (CSP.equalsIgnoreCase(name)) {
        super.setHeader(name, value);
      } else {
        super.addHeader(name, value);
      }
    }
  }
}
