package io.kursfilm.web.ui;

import io.kursfilm.review.boundary.QueueItem;
import io.kursfilm.review.boundary.Reviews;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The critic's start page: the versions waiting for a critic, longest waiting first, filtered by
 * title, uploader and how long they have waited. REST twin {@code GET /api/v1/reviews}.
 */
@Named("criticQueue")
@ViewScoped
public class CriticQueueBean implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient Reviews reviews;

  private List<Row> all;
  private String title;
  private String uploader;
  private int minDays;

  /** The queue as loaded, unfiltered. */
  private List<Row> all() {
    if (all == null) {
      all = reviews.queue().stream().map(Row::new).toList();
    }
    return all;
  }

  /** Reloads the queue. */
  public void refresh() {
    all = null;
  }

  /** The rows that pass the filters. */
  public List<Row> getRows() {
    return filter(all(), title, uploader, minDays, Instant.now());
  }

  /**
   * The rows whose title contains {@code title} (ignoring case), uploaded by {@code uploaderId},
   * waiting at least {@code minDays} days at {@code now}; a blank filter passes everything.
   */
  static List<Row> filter(
      List<Row> rows, String title, String uploaderId, int minDays, Instant now) {
    Instant cutoff = now.minus(Duration.ofDays(minDays));
    String needle = title == null ? "" : title.strip().toLowerCase(Locale.ROOT);
    return rows.stream()
        .filter(r -> needle.isEmpty() || r.title.toLowerCase(Locale.ROOT).contains(needle))
        .filter(r -> uploaderId == null || uploaderId.isEmpty() || uploaderId.equals(r.uploaderId))
        .filter(r -> minDays == 0 || !r.waitingSince.isAfter(cutoff))
        .toList();
  }

  /** The uploaders in the queue, by id, sorted by name: the choices of the uploader filter. */
  public Map<String, String> getUploaders() {
    Map<String, String> byName = new TreeMap<>();
    all().stream()
        .filter(r -> r.uploaderId != null)
        .sorted(Comparator.comparing(Row::getUploader))
        .forEach(r -> byName.putIfAbsent(r.getUploader(), r.uploaderId));
    return byName;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public String getUploader() {
    return uploader;
  }

  public void setUploader(String uploader) {
    this.uploader = uploader;
  }

  /** Only versions waiting at least this many days; 0: all. */
  public int getMinDays() {
    return minDays;
  }

  public void setMinDays(int minDays) {
    this.minDays = Math.max(0, minDays);
  }

  /** One waiting version, with getters for EL. */
  public static final class Row implements Serializable {
    private static final long serialVersionUID = 1L;
    private final String videoId;
    private final int version;
    private final String title;
    private final String uploaderId;
    private final String uploader;
    private final Long durationSeconds;
    private final Instant waitingSince;
    private final long approvals;
    private final int requiredApprovals;
    private final boolean mine;

    Row(QueueItem q) {
      this.videoId = q.videoId();
      this.version = q.version();
      this.title = q.title();
      this.uploaderId = q.uploaderId();
      this.uploader = Objects.requireNonNullElse(q.uploader(), "");
      this.durationSeconds = q.durationSeconds();
      this.waitingSince = q.waitingSince();
      this.approvals = q.approvals();
      this.requiredApprovals = q.requiredApprovals();
      this.mine = q.mine();
    }

    public String getVideoId() {
      return videoId;
    }

    public int getVersion() {
      return version;
    }

    public String getTitle() {
      return title;
    }

    public String getUploader() {
      return uploader;
    }

    public String getDuration() {
      return Times.clock(durationSeconds);
    }

    public String getWaitingSince() {
      return Times.when(waitingSince);
    }

    public String getApprovals() {
      return approvals + " / " + requiredApprovals;
    }

    /** The caller uploaded it: another critic must decide. */
    public boolean isMine() {
      return mine;
    }
  }
}
