package io.kursfilm.web.security;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.annotation.WebListener;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Session cookie hardening that depends on deployment: {@code Secure} unless switched off for plain
 * http (config {@code kursfilm.http.secure-cookies}, on by default). {@code SameSite=Lax}, a second
 * CSRF guard, comes from glassfish-web.xml: Payara does not emit the attribute set here.
 */
@WebListener
public class SessionCookieSettings implements ServletContextListener {

  @Override
  public void contextInitialized(ServletContextEvent event) {
    SessionCookieConfig cookie = event.getServletContext().getSessionCookieConfig();
    boolean secure =
        ConfigProvider.getConfig()
            .getOptionalValue("kursfilm.http.secure-cookies", Boolean.class)
            .orElse(true);
    cookie.setSecure(secure);
    cookie.setHttpOnly(true);
    cookie.setAttribute("SameSite", "Lax");
  }
}
