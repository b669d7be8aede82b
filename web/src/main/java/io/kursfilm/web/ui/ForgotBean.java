package io.kursfilm.web.ui;

import io.kursfilm.identity.boundary.PasswordResets;
import io.kursfilm.web.security.ClientAddress;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * "Forgot password?": asks for a reset link; always the same answer (no account enumeration), or,
 * past the request limit, the same "wait" for every account.
 */
@Named
@RequestScoped
public class ForgotBean {

  @Inject PasswordResets resets;

  @Inject
  @ConfigProperty(name = "kursfilm.http.trust-forwarded-for", defaultValue = "false")
  boolean trustForwardedFor;

  private String tenant;
  private String email;

  public void request() {
    HttpServletRequest http =
        (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
    if (resets.request(tenant, email, ClientAddress.of(http, trustForwardedFor)).isPresent()) {
      Messages.error("forgot.throttled");
      return;
    }
    Messages.info("forgot.sent");
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
}
