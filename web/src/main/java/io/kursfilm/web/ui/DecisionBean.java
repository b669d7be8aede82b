package io.kursfilm.web.ui;

import io.kursfilm.kernel.ConflictException;
import io.kursfilm.review.boundary.Reviews;
import io.kursfilm.video.boundary.ReviewSubjects.Decision;
import jakarta.ejb.EJBException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * The critic's decision on the version in the player: approve, or request changes with a reason.
 * Bound to the version number the page showed, so a version replaced meanwhile is a conflict, not
 * an approval of something unseen. REST twin {@code POST /api/v1/videos/{id}/review}.
 */
@Named("decision")
@ViewScoped
public class DecisionBean implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient Reviews reviews;
  @Inject VideoReviewBean video;

  private String reason;

  /** Whether the caller may decide now: in review, not their upload, not decided already. */
  public boolean isOpen() {
    return video.isFound()
        && "IN_REVIEW".equals(video.getState())
        && !video.isMine()
        && !video.isDecidedByMe();
  }

  public void approve() {
    decide(Decision.APPROVE, "review.approved");
  }

  public void requestChanges() {
    if (reason == null || reason.isBlank()) {
      Messages.error("review.reason.required");
      return;
    }
    decide(Decision.REQUEST_CHANGES, "review.changes-requested");
  }

  private void decide(Decision decision, String done) {
    try {
      reviews.decide(video.getId(), video.getVersion(), decision, reason);
      reason = null;
      Messages.info(done);
    } catch (IllegalArgumentException e) {
      Messages.error("review.reason.invalid");
    } catch (ConflictException e) {
      Messages.error("review.conflict");
    } catch (EJBException e) {
      if (!Denials.denied(e)) {
        throw e;
      }
      Messages.error("review.own-upload");
    }
    video.load();
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }
}
