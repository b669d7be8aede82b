package io.kursfilm.web.ui;

import io.kursfilm.learning.boundary.Certificates;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The public verification page (verify.xhtml?id=…) printed on every certificate: valid or not,
 * nothing else. REST twin {@code GET /certificates/{id}/verify}.
 */
@Named("verify")
@RequestScoped
public class VerifyBean {

  @Inject Certificates certificates;

  private String id;
  private Boolean valid;

  public void load() {
    valid = id != null && !id.isBlank() && certificates.verify(id.strip());
  }

  public boolean isAsked() {
    return id != null && !id.isBlank();
  }

  public boolean isValid() {
    return Boolean.TRUE.equals(valid);
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }
}
