package io.kursfilm.web.ui;

import io.kursfilm.identity.boundary.DisplayNames;
import io.kursfilm.kernel.Caller;
import io.kursfilm.kernel.ConflictException;
import io.kursfilm.kernel.Role;
import io.kursfilm.review.boundary.CommentView;
import io.kursfilm.review.boundary.Comments;
import io.kursfilm.review.boundary.ReviewView;
import io.kursfilm.review.boundary.Reviews;
import io.kursfilm.video.boundary.Captions;
import io.kursfilm.video.boundary.VersionView;
import io.kursfilm.video.boundary.VideoView;
import io.kursfilm.video.boundary.Videos;
import jakarta.ejb.EJBException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One video as its critics and trainers work on it (critic/review.xhtml, trainer/video.xhtml): the
 * newest version in the player, the timestamped comments on every version as a list and as markers
 * on the timeline, a new comment at the player's current second, and the version history with the
 * critics' decisions. REST twins: {@code GET /videos/{id}}, {@code GET|POST /videos/{id}/comments},
 * {@code GET /videos/{id}/versions}, {@code GET /videos/{id}/review}.
 */
@Named("videoReview")
@ViewScoped
public class VideoReviewBean implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient Videos videos;
  @Inject transient Comments comments;
  @Inject transient Reviews reviews;
  @Inject transient Captions captions;
  @Inject transient DisplayNames names;
  @Inject transient Caller caller;

  private String id;
  private Shown shown;
  private List<WatchBean.Track> tracks = List.of();
  private List<CommentRow> commentRows = List.of();
  private List<VersionRow> versionRows = List.of();
  private boolean trainerOfVideo;
  private boolean decidedByMe;

  private Integer atSecond;
  private boolean pinned = true;
  private String text;

  /** Loads the video named by the {@code id} view parameter; unknown ids show "not found". */
  public void load() {
    Optional<VideoView> found = id == null ? Optional.empty() : videos.find(id);
    shown = found.map(Shown::new).orElse(null);
    if (shown == null) {
      return;
    }
    String me = caller.require().userId();
    tracks =
        captions.list(id).stream().map(c -> new WatchBean.Track(c.language(), c.label())).toList();
    List<VersionView> versions = videos.versions(id).orElse(List.of());
    trainerOfVideo =
        caller.require().has(Role.TRAINER)
            && versions.stream().anyMatch(v -> me.equals(v.uploaderId()));
    List<CommentView> all = visibleComments();
    commentRows =
        all.stream()
            .map(c -> new CommentRow(c, c.version() == shown.version ? shown.duration : null))
            .toList();
    List<ReviewView> decisions = reviews.history(id).orElse(List.of());
    decidedByMe =
        decisions.stream().anyMatch(d -> d.version() == shown.version && me.equals(d.criticId()));
    Map<String, String> uploaders =
        names.of(versions.stream().map(VersionView::uploaderId).distinct().toList());
    Map<String, String> reasons =
        all.stream().collect(Collectors.toMap(CommentView::id, CommentView::text, (a, b) -> a));
    versionRows =
        versions.stream()
            .map(v -> new VersionRow(v, shown.publishedVersion, decisions, uploaders, reasons))
            .toList();
  }

  /** Critics and the video's own trainers read the comments; other trainers see none. */
  private List<CommentView> visibleComments() {
    try {
      return comments.list(id).orElse(List.of());
    } catch (EJBException e) {
      if (Denials.denied(e)) {
        return List.of();
      }
      throw e;
    }
  }

  /** Comments on the newest version, at the player's current second unless not pinned. */
  public void addComment() {
    if (text == null || text.isBlank()) {
      Messages.error("review.comment.required");
      return;
    }
    try {
      comments.add(id, pinned ? atSecond : null, text.strip());
      text = null;
      Messages.info("review.comment.added");
      load();
    } catch (IllegalArgumentException e) {
      Messages.error("review.comment.invalid");
    } catch (ConflictException e) {
      Messages.error("review.comment.not-ready");
    } catch (EJBException e) {
      if (!Denials.denied(e)) {
        throw e;
      }
      Messages.error("review.forbidden");
    }
  }

  /** Who may comment: critics and the video's own trainers, once the version can be played. */
  public boolean isMayComment() {
    return isPlayable()
        && (caller.current().map(c -> c.has(Role.CRITIC)).orElse(false) || trainerOfVideo);
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public boolean isFound() {
    return shown != null;
  }

  public String getTitle() {
    return shown == null ? null : shown.title;
  }

  public String getDescription() {
    return shown.description;
  }

  /** The newest version's state. */
  public String getState() {
    return shown.state;
  }

  /** The newest version's number: the one played and decided on. */
  public int getVersion() {
    return shown.version;
  }

  /** The version employees see; null when none. */
  public Integer getPublishedVersion() {
    return shown.publishedVersion;
  }

  public String getDuration() {
    return Times.clock(shown.duration);
  }

  public boolean isPlayable() {
    return shown != null && shown.playable;
  }

  /** A transcode job may still work on the newest version. */
  public boolean isProcessing() {
    return shown != null && shown.processing;
  }

  public int getProgress() {
    return shown.progress;
  }

  /** The stable key of a rejection or failure of the newest version. */
  public String getError() {
    return shown.error;
  }

  /** Whether the caller uploaded the newest version (then they cannot decide on it). */
  public boolean isMine() {
    return shown.mine;
  }

  /** Whether the caller made or uploaded a version of this video. */
  public boolean isTrainerOfVideo() {
    return trainerOfVideo;
  }

  /** Whether the caller decided on the newest version already. */
  public boolean isDecidedByMe() {
    return decidedByMe;
  }

  public List<WatchBean.Track> getTracks() {
    return tracks;
  }

  public List<CommentRow> getComments() {
    return commentRows;
  }

  /** The comments that point at a second of the played version: the timeline's markers. */
  public List<CommentRow> getMarkers() {
    return commentRows.stream().filter(CommentRow::isMarked).toList();
  }

  public List<VersionRow> getVersions() {
    return versionRows;
  }

  public Integer getAtSecond() {
    return atSecond;
  }

  public void setAtSecond(Integer atSecond) {
    this.atSecond = atSecond;
  }

  public boolean isPinned() {
    return pinned;
  }

  public void setPinned(boolean pinned) {
    this.pinned = pinned;
  }

  public String getText() {
    return text;
  }

  public void setText(String text) {
    this.text = text;
  }

  /** What the page shows of the video's newest version (the view record is not serializable). */
  private static final class Shown implements Serializable {
    private static final long serialVersionUID = 1L;
    final String title;
    final String description;
    final String state;
    final int version;
    final Integer publishedVersion;
    final Long duration;
    final boolean playable;
    final boolean processing;
    final int progress;
    final String error;
    final boolean mine;

    Shown(VideoView v) {
      title = v.title();
      description = v.description();
      state = v.state();
      version = v.version();
      publishedVersion = v.publishedVersion();
      duration = v.durationSeconds();
      playable = v.playable();
      processing = v.processing();
      progress = v.progress();
      error = v.error();
      mine = v.mine();
    }
  }
}
