package io.kursfilm.web.ui;

import io.kursfilm.kernel.ConflictException;
import io.kursfilm.video.boundary.CreatedGuestLink;
import io.kursfilm.video.boundary.GuestLinkView;
import io.kursfilm.video.boundary.GuestLinks;
import io.kursfilm.video.boundary.NewGuestLink;
import jakarta.ejb.EJBException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * The guest links section of a trainer's video page (WEB-INF/includes/guest-links.xhtml): create a
 * link (its URL is shown this once), list and revoke. REST twins under {@code
 * /videos/{id}/guest-links}.
 */
@Named("guestLinks")
@ViewScoped
public class GuestLinksBean implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient GuestLinks links;
  @Inject VideoReviewBean video;

  private Integer validDays = 7;
  private String password;
  private String label;
  private String createdUrl;
  private List<Row> rows;

  /** One link as the table shows it. */
  public record Row(
      String id,
      String label,
      String expiresAt,
      String state,
      boolean hasPassword,
      int openings,
      boolean revocable)
      implements Serializable {
    public String getId() {
      return id;
    }

    public String getLabel() {
      return label;
    }

    public String getExpiresAt() {
      return expiresAt;
    }

    public String getState() {
      return state;
    }

    public boolean isHasPassword() {
      return hasPassword;
    }

    public int getOpenings() {
      return openings;
    }

    public boolean isRevocable() {
      return revocable;
    }
  }

  public boolean isAvailable() {
    return video.isTrainerOfVideo() && video.getPublishedVersion() != null;
  }

  public List<Row> getRows() {
    if (rows == null) {
      rows = links.list(video.getId()).orElse(List.of()).stream().map(GuestLinksBean::row).toList();
    }
    return rows;
  }

  public void create() {
    createdUrl = null;
    try {
      String typed = password == null || password.isEmpty() ? null : password;
      CreatedGuestLink created =
          links
              .create(video.getId(), new NewGuestLink(null, validDays, typed, label))
              .orElseThrow();
      createdUrl = created.url();
      password = null;
      label = null;
      Messages.info("guest.created");
    } catch (IllegalArgumentException e) {
      Messages.error("guest.invalid");
    } catch (ConflictException e) {
      Messages.error("guest.not-published");
    } catch (EJBException e) {
      if (!Denials.denied(e)) {
        throw e;
      }
      Messages.error("review.forbidden");
    }
    rows = null;
  }

  public void revoke(String linkId) {
    try {
      links.revoke(video.getId(), linkId);
      Messages.info("guest.revoked");
    } catch (EJBException e) {
      if (!Denials.denied(e)) {
        throw e;
      }
      Messages.error("review.forbidden");
    }
    createdUrl = null;
    rows = null;
  }

  private static Row row(GuestLinkView l) {
    String state = l.revoked() ? "revoked" : l.expired() ? "expired" : "active";
    return new Row(
        l.id(),
        l.label() == null ? "" : l.label(),
        Times.when(l.expiresAt()),
        state,
        l.hasPassword(),
        l.openings(),
        "active".equals(state));
  }

  public Integer getValidDays() {
    return validDays;
  }

  public void setValidDays(Integer validDays) {
    this.validDays = validDays;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public String getLabel() {
    return label;
  }

  public void setLabel(String label) {
    this.label = label;
  }

  public String getCreatedUrl() {
    return createdUrl;
  }
}
