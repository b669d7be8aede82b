package io.kursfilm.web.security;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.annotation.WebListener;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Session cookie hardening that depends on deployment: {@code Secure} only behind TLS (config
 * {@code kursfilm.http.secure-cookies}); {@code SameSite=Lax} always, as a second CSRF guard.
 */
@WebListener
public class SessionCookieSettings implements ServletContextListener {

  @Override
  public void contextInitialized(ServletContextEvent event) {
    SessionCookieConfig cookie = event.getServletContext().getSessionCookieConfig();
    boolean secure =
        ConfigProvider.getConfig()
            .getOptionalValue("kursfilm.http.secure-cookies", Boolean.class)
            .orElse(false);
    cookie.setSecure(secure);
    cookie.setHttpOnly(true);
    cookie.setAttribute("SameSite", "Lax");
  }
}
