package io.kursfilm.web.ui;

import io.kursfilm.identity.boundary.Profile;
import io.kursfilm.kernel.AuthenticatedCaller;
import io.kursfilm.kernel.Caller;
import io.kursfilm.kernel.Role;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/** The frame around every page: which menu entries the caller's roles allow, and logout. */
@Named("shell")
@RequestScoped
public class ShellBean {

  @Inject Caller caller;
  @Inject FacesContext faces;
  @Inject Profile profile;

  private boolean has(Role role) {
    return caller.current().map(c -> c.has(role)).orElse(false);
  }

  public boolean isRoot() {
    return has(Role.ROOT);
  }

  public boolean isAdmin() {
    return has(Role.TENANT_ADMIN);
  }

  public boolean isTrainer() {
    return has(Role.TRAINER);
  }

  public boolean isCritic() {
    return has(Role.CRITIC);
  }

  public boolean isEmployee() {
    return has(Role.EMPLOYEE);
  }

  public String getTenant() {
    return caller.current().map(AuthenticatedCaller::tenantSlug).orElse("");
  }

  /**
   * The session's CSRF token, for page scripts that call the REST API with the session cookie (they
   * send it as {@code X-CSRF-Token}).
   */
  public String getCsrfToken() {
    HttpSession session =
        ((HttpServletRequest) faces.getExternalContext().getRequest()).getSession(false);
    Object token = session == null ? null : session.getAttribute("kursfilm.csrf");
    return token instanceof String t ? t : "";
  }

  /** Redirects a logged-in caller from "/" to the start page of their role, others to login. */
  public void home() throws IOException {
    ExternalContext external = faces.getExternalContext();
    String page = caller.current().map(StartPages::of).orElse("/login.xhtml");
    external.redirect(external.getRequestContextPath() + page);
  }

  public void logout() throws IOException, ServletException {
    if (caller.current().isPresent()) {
      profile.loggedOut();
    }
    endSession();
  }

  private void endSession() throws IOException, ServletException {
    ExternalContext external = faces.getExternalContext();
    ((HttpServletRequest) external.getRequest()).logout();
    external.invalidateSession();
    external.redirect(external.getRequestContextPath() + "/login.xhtml");
  }

  /**
   * Ends all of the caller's sessions, on every device, and their bearer tokens (REST twin: {@code
   * POST /api/v1/sessions/logout-all}); then this session as well.
   */
  public void logoutEverywhere() throws IOException, ServletException {
    profile.logOutEverywhere(); // audited there, with scope "everywhere"
    endSession();
  }
}
