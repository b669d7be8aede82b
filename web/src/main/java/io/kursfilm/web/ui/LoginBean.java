package io.kursfilm.web.ui;

import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

import io.kursfilm.identity.control.AuthenticatedCaller;
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

/** The login form. One generic message for every kind of failure. */
@Named
@RequestScoped
public class LoginBean {

  @Inject SecurityContext securityContext;
  @Inject FacesContext faces;

  private String tenant;
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

  public String getTenant() {
    return tenant;
  }

  public void setTenant(String tenant) {
    this.tenant = tenant;
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
