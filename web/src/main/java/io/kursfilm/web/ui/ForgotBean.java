package io.kursfilm.web.ui;

import io.kursfilm.identity.boundary.PasswordResets;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** "Forgot password?": asks for a reset link; always the same answer (no account enumeration). */
@Named
@RequestScoped
public class ForgotBean {

  @Inject PasswordResets resets;

  private String tenant;
  private String email;

  public void request() {
    resets.request(tenant, email);
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
