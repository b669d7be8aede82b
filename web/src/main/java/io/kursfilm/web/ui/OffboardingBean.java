package io.kursfilm.web.ui;

import io.kursfilm.kernel.Caller;
import io.kursfilm.kernel.ConflictException;
import io.kursfilm.offboarding.boundary.OffboardingShreds;
import io.kursfilm.offboarding.boundary.OffboardingView;
import io.kursfilm.offboarding.boundary.Offboardings;
import io.kursfilm.web.security.PublicAddress;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Optional;

/**
 * The tenant admin's guided offboarding (admin/offboarding.xhtml): what will happen, the start, the
 * export's progress, the download, the typed confirmation and, once the shred has begun, the
 * certificate links. REST twins: {@code /api/v1/offboarding} and its sub-resources.
 *
 * <p>The certificate token of the confirmation is kept in the view only: the shred deletes every
 * account of the tenant, this admin's too, so the page cannot ask the server again afterwards; it
 * offers the token links instead, which a small script polls until the certificate exists.
 */
@Named("offboarding")
@ViewScoped
public class OffboardingBean implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient Offboardings offboardings;
  @Inject transient OffboardingShreds shreds;
  @Inject transient Caller caller;

  private transient Optional<OffboardingView> current;
  private String typedSlug;
  private String shreddingId;
  private String certificateToken;

  /** The newest offboarding of the admin's tenant, unless it was cancelled or failed. */
  public OffboardingView getCurrent() {
    if (current == null) {
      current = offboardings.current();
    }
    return current.orElse(null);
  }

  /** Which step the page shows: START, EXPORTING, READY, SHREDDING (incl. done) or FAILED. */
  public String getStep() {
    if (shreddingId != null) {
      return "SHREDDING";
    }
    OffboardingView v = getCurrent();
    if (v == null || v.state().equals("CANCELLED")) {
      return "START";
    }
    return switch (v.state()) {
      case "EXPORTING" -> "EXPORTING";
      case "READY_FOR_DOWNLOAD", "DOWNLOADED" -> "READY";
      case "SHREDDING", "SHREDDED" -> "SHREDDING";
      default -> "FAILED";
    };
  }

  public String getTenantSlug() {
    return caller.require().tenantSlug();
  }

  public String getExportUrl() {
    OffboardingView v = getCurrent();
    return v == null || v.exportToken() == null
        ? null
        : PublicAddress.configured()
            .of("/api/v1/offboarding/" + v.id() + "/export/" + v.exportToken());
  }

  public boolean isDownloadConfirmed() {
    OffboardingView v = getCurrent();
    return v != null && v.state().equals("DOWNLOADED");
  }

  public String getCertificateUrl() {
    return certificateUrl("certificate");
  }

  public String getCertificatePdfUrl() {
    return certificateUrl("certificate.pdf");
  }

  private String certificateUrl(String file) {
    return certificateToken == null
        ? null
        : PublicAddress.configured()
            .of("/api/v1/offboarding/" + shreddingId + "/" + file + "?token=" + certificateToken);
  }

  public String getTypedSlug() {
    return typedSlug;
  }

  public void setTypedSlug(String typedSlug) {
    this.typedSlug = typedSlug;
  }

  public void start() {
    act(() -> offboardings.start());
  }

  public void refresh() {
    current = null;
  }

  public void downloaded() {
    act(() -> offboardings.downloaded(getCurrent().id()));
  }

  public void cancel() {
    act(() -> shreds.cancel(getCurrent().id()));
  }

  public void confirm() {
    OffboardingView v = getCurrent();
    if (v == null) {
      return;
    }
    try {
      shreds
          .confirm(v.id(), typedSlug == null ? "" : typedSlug)
          .ifPresent(
              c -> {
                shreddingId = c.id();
                certificateToken = c.certificateToken();
              });
    } catch (ConflictException e) {
      Messages.error("offboarding.confirm.refused");
    }
    typedSlug = null;
    current = null;
  }

  private void act(Runnable action) {
    try {
      action.run();
    } catch (ConflictException e) {
      Messages.plain(FacesMessage.SEVERITY_WARN, e.getMessage());
    }
    current = null;
  }
}
