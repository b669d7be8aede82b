package io.kursfilm.web.ui;

import io.kursfilm.identity.boundary.SsoSettings;
import io.kursfilm.identity.boundary.SsoSettingsUpdate;
import io.kursfilm.identity.boundary.SsoSettingsView;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJBException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * Tenant admin's single sign-on page (REST twin: {@code GET|PUT /api/v1/tenant/sso}). The client
 * secret field is always empty: the secret is write-only, and an empty field keeps the stored one.
 */
@Named
@ViewScoped
public class SsoSettingsBean implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject SsoSettings settings;

  private boolean enabled;
  private String issuer;
  private String clientId;
  private String clientSecret;
  private boolean clientSecretSet;
  private boolean passwordLoginDisabled;
  private boolean trustProviderEmail;
  private String redirectUri;

  @PostConstruct
  void load() {
    show(settings.view());
  }

  private void show(SsoSettingsView view) {
    enabled = view.enabled();
    issuer = view.issuer();
    clientId = view.clientId();
    clientSecretSet = view.clientSecretSet();
    passwordLoginDisabled = view.passwordLoginDisabled();
    trustProviderEmail = view.trustProviderEmail();
    redirectUri = view.redirectUri();
    clientSecret = null;
  }

  public void save() {
    try {
      show(
          settings.update(
              new SsoSettingsUpdate(
                  enabled,
                  issuer,
                  clientId,
                  clientSecret,
                  passwordLoginDisabled,
                  trustProviderEmail)));
      Messages.info("sso.saved");
    } catch (IllegalArgumentException | EJBException refused) {
      FacesContext.getCurrentInstance().validationFailed();
      String reason = refused instanceof IllegalArgumentException ? refused.getMessage() : null;
      Messages.plain(
          FacesMessage.SEVERITY_ERROR,
          Messages.text("sso.refused") + (reason == null ? "" : " (" + reason + ")"));
    } finally {
      clientSecret = null;
    }
  }

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public String getIssuer() {
    return issuer;
  }

  public void setIssuer(String issuer) {
    this.issuer = issuer;
  }

  public String getClientId() {
    return clientId;
  }

  public void setClientId(String clientId) {
    this.clientId = clientId;
  }

  /** Always empty: the secret is never sent to the browser. */
  public String getClientSecret() {
    return null;
  }

  public void setClientSecret(String clientSecret) {
    this.clientSecret = clientSecret;
  }

  public boolean isClientSecretSet() {
    return clientSecretSet;
  }

  public boolean isPasswordLoginDisabled() {
    return passwordLoginDisabled;
  }

  public void setPasswordLoginDisabled(boolean passwordLoginDisabled) {
    this.passwordLoginDisabled = passwordLoginDisabled;
  }

  public boolean isTrustProviderEmail() {
    return trustProviderEmail;
  }

  public void setTrustProviderEmail(boolean trustProviderEmail) {
    this.trustProviderEmail = trustProviderEmail;
  }

  public String getRedirectUri() {
    return redirectUri;
  }
}
