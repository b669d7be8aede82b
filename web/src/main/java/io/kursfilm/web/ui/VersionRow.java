package io.kursfilm.web.ui;

import io.kursfilm.review.boundary.ReviewView;
import io.kursfilm.video.boundary.VersionView;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** One version in a video's history with the critics' decisions on it, with getters for EL. */
public final class VersionRow implements Serializable {

  private static final long serialVersionUID = 1L;

  private final int number;
  private final String state;
  private final String title;
  private final String uploader;
  private final String createdAt;
  private final String media;
  private final String duration;
  private final boolean published;
  private final List<DecisionRow> decisions;

  /**
   * @param names display names by user id
   * @param reasons comment texts by comment id (a decision's reason is a comment)
   */
  VersionRow(
      VersionView v,
      Integer publishedVersion,
      List<ReviewView> decisions,
      Map<String, String> names,
      Map<String, String> reasons) {
    this.number = v.number();
    this.state = v.state();
    this.title = v.title();
    this.uploader = Objects.requireNonNullElse(names.get(v.uploaderId()), "");
    this.createdAt = Times.when(v.createdAt());
    this.media = v.mediaSha256() == null ? "" : v.mediaSha256().substring(0, 12);
    this.duration = Times.clock(v.durationSeconds());
    this.published = publishedVersion != null && publishedVersion == v.number();
    this.decisions =
        decisions.stream()
            .filter(d -> d.version() == v.number())
            .map(d -> new DecisionRow(d, reasons.get(d.commentId())))
            .toList();
  }

  public int getNumber() {
    return number;
  }

  public String getState() {
    return state;
  }

  public String getTitle() {
    return title;
  }

  public String getUploader() {
    return uploader;
  }

  public String getCreatedAt() {
    return createdAt;
  }

  /** The start of its media hash: versions that share media share it. */
  public String getMedia() {
    return media;
  }

  public String getDuration() {
    return duration;
  }

  /** Whether employees see this version. */
  public boolean isPublished() {
    return published;
  }

  public List<DecisionRow> getDecisions() {
    return decisions;
  }

  /** One critic's decision, with its reason if one was given. */
  public static final class DecisionRow implements Serializable {
    private static final long serialVersionUID = 1L;
    private final String decision;
    private final String critic;
    private final String createdAt;
    private final String reason;

    DecisionRow(ReviewView d, String reason) {
      this.decision = d.decision();
      this.critic = Objects.requireNonNullElse(d.critic(), "");
      this.createdAt = Times.when(d.createdAt());
      this.reason = reason;
    }

    /** APPROVE or REQUEST_CHANGES. */
    public String getDecision() {
      return decision;
    }

    public String getCritic() {
      return critic;
    }

    public String getCreatedAt() {
      return createdAt;
    }

    public String getReason() {
      return reason;
    }
  }
}
