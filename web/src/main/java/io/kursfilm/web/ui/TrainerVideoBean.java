package io.kursfilm.web.ui;

import io.kursfilm.kernel.Caller;
import io.kursfilm.kernel.ConflictException;
import io.kursfilm.tenant.boundary.TenantDirectory;
import io.kursfilm.tenant.boundary.TenantSettingsValue;
import io.kursfilm.video.boundary.Videos;
import jakarta.ejb.EJBException;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * What a trainer does with one of their videos on its page (trainer/video.xhtml): publish it where
 * the tenant needs no critic, archive the published version, and follow a new version through
 * processing (its upload runs in the page's script). REST twins {@code POST /videos/{id}/publish},
 * {@code POST /videos/{id}/archive}, {@code POST /videos/{id}/versions}.
 */
@Named("trainerVideo")
@ViewScoped
public class TrainerVideoBean implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient Videos videos;
  @Inject transient TenantDirectory tenants;
  @Inject transient Caller caller;
  @Inject VideoReviewBean video;

  private Boolean selfPublishing;

  /** Whether the tenant lets trainers publish without a critic's approval (read once a view). */
  public boolean isSelfPublishing() {
    if (selfPublishing == null) {
      selfPublishing =
          !tenants
              .settings(caller.require().tenantId())
              .map(TenantSettingsValue::requireCriticApproval)
              .orElse(true);
    }
    return selfPublishing;
  }

  public boolean isMayPublish() {
    return video.isTrainerOfVideo() && "IN_REVIEW".equals(video.getState()) && isSelfPublishing();
  }

  public boolean isMayArchive() {
    return video.isTrainerOfVideo() && video.getPublishedVersion() != null;
  }

  /**
   * A new version can start once nothing processes the newest one (an unfinished upload resumes).
   */
  public boolean isMayUploadVersion() {
    return video.isTrainerOfVideo() && !video.isProcessing();
  }

  public void publish() {
    change(() -> videos.publish(video.getId()), "trainer.video.published");
  }

  public void archive() {
    change(() -> videos.archive(video.getId()), "trainer.video.archived");
  }

  private void change(Runnable action, String done) {
    try {
      action.run();
      Messages.info(done);
    } catch (ConflictException e) {
      Messages.error("trainer.video.conflict");
    } catch (EJBException e) {
      if (!Denials.denied(e)) {
        throw e;
      }
      Messages.error("review.forbidden");
    }
    video.load();
  }

  /**
   * Called by the poll while the newest version is processed, and by the upload script when a new
   * version is uploaded: once nothing processes it, the page loads again with the new player.
   */
  public void refresh() throws IOException {
    video.load();
    if (!video.isProcessing()) {
      ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
      external.redirect(
          external.getRequestContextPath()
              + "/trainer/video.xhtml?id="
              + URLEncoder.encode(video.getId(), StandardCharsets.UTF_8));
    }
  }
}
