package io.kursfilm.web.ui;

import io.kursfilm.identity.boundary.InvitationAcceptance;
import io.kursfilm.identity.boundary.LinkPreview;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Optional;

/** The public page an invitation link opens: shows the invitation, accepts it on POST. */
@Named
@ViewScoped
public class InviteBean extends LinkFormBean {

  private static final long serialVersionUID = 1L;

  @Inject InvitationAcceptance acceptance;

  @Override
  Optional<LinkPreview> lookUp(String token) {
    return acceptance.preview(token);
  }

  @Override
  void use(String tenant, String token, char[] password) {
    acceptance.accept(tenant, token, password);
  }
}
