package io.kursfilm.web.ui;

import io.kursfilm.identity.boundary.InvitationAcceptance;
import io.kursfilm.identity.boundary.LinkPreview;
import io.kursfilm.identity.boundary.SsoLogin;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The public page an invitation link opens: shows the invitation, accepts it on POST with a
 * password, or, where the tenant has single sign-on, by signing in with the company account.
 */
@Named
@ViewScoped
public class InviteBean extends LinkFormBean {

  private static final long serialVersionUID = 1L;

  @Inject InvitationAcceptance acceptance;
  @Inject SsoLogin sso;

  @Override
  Optional<LinkPreview> lookUp(String token) {
    return acceptance.preview(token);
  }

  public boolean isSsoOffered() {
    return isValid() && sso.options(getTenant()).sso();
  }

  public boolean isPasswordOffered() {
    return !isValid() || sso.options(getTenant()).password();
  }

  /** Signs in at the provider and accepts the invitation with the address it vouches for. */
  public String getSsoStartUrl() {
    return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath()
        + "/sso/start?tenant="
        + URLEncoder.encode(getTenant(), StandardCharsets.UTF_8)
        + "&invitation="
        + URLEncoder.encode(getToken() == null ? "" : getToken(), StandardCharsets.UTF_8);
  }

  @Override
  void use(String tenant, String token, char[] password) {
    acceptance.accept(tenant, token, password);
  }
}
