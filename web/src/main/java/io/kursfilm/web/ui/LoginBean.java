package io.kursfilm.web.ui;

import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

import io.kursfilm.identity.boundary.SsoLogin;
import io.kursfilm.kernel.AuthenticatedCaller;
import io.kursfilm.web.security.TenantCredential;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The login form. One generic message for every kind of failure. Where the chosen company has
 * single sign-on, it offers "Sign in with your company account", and hides the password fields if
 * the company allows only that.
 */
@Named
@RequestScoped
public class LoginBean {

  @Inject SecurityContext securityContext;
  @Inject FacesContext faces;
  @Inject SsoLogin sso;

  private String tenant;
  private SsoLogin.Options options;
  private String email;
  private String password;

  public void login() throws IOException {
    ExternalContext external = faces.getExternalContext();
    HttpServletRequest request = (HttpServletRequest) external.getRequest();
    AuthenticationStatus status =
        securityContext.authenticate(
            request,
            (HttpServletResponse) external.getResponse(),
            withParams()
                .newAuthentication(true)
                .credential(
                    new TenantCredential(
                        tenant, email, password == null ? new char[0] : password.toCharArray())));
    password = null;
    switch (status) {
      case SUCCESS -> {
        AuthenticatedCaller who =
            (AuthenticatedCaller) request.getAttribute("kursfilm.request.caller");
        external.redirect(external.getRequestContextPath() + StartPages.of(who));
      }
      case SEND_CONTINUE -> faces.responseComplete();
      default -> Messages.error("login.failed");
    }
  }

  private SsoLogin.Options options() {
    if (options == null) {
      options =
          tenant == null || tenant.isBlank()
              ? new SsoLogin.Options(false, true)
              : sso.options(tenant);
    }
    return options;
  }

  /** Called when the company field changes: the offered ways to log in are looked up again. */
  public void tenantChanged() {
    options = null;
  }

  public boolean isSsoOffered() {
    return options().sso();
  }

  public boolean isPasswordOffered() {
    return options().password();
  }

  public String getSsoStartUrl() {
    String slug = tenant == null ? "" : tenant.strip();
    return faces.getExternalContext().getRequestContextPath()
        + "/sso/start?tenant="
        + URLEncoder.encode(slug, StandardCharsets.UTF_8);
  }

  public String getTenant() {
    return tenant;
  }

  public void setTenant(String tenant) {
    this.tenant = tenant;
    this.options = null;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }
}
