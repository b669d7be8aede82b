package io.kursfilm.web.ui;

import io.kursfilm.identity.boundary.LinkPreview;
import io.kursfilm.identity.boundary.PasswordResets;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Optional;

/** The public page a reset link opens: shows whose password it resets, sets it on POST. */
@Named
@ViewScoped
public class ResetBean extends LinkFormBean {

  private static final long serialVersionUID = 1L;

  @Inject PasswordResets resets;

  @Override
  Optional<LinkPreview> lookUp(String token) {
    return resets.preview(token);
  }

  @Override
  void use(String tenant, String token, char[] password) {
    resets.reset(tenant, token, password);
  }
}
