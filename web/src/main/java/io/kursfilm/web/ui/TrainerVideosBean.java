package io.kursfilm.web.ui;

import io.kursfilm.video.boundary.VideoUploads;
import io.kursfilm.video.boundary.VideoView;
import io.kursfilm.video.boundary.Videos;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/**
 * The trainer's video page: the tenant's videos with live state and progress (polled while a job
 * runs), a badge where a critic asked for changes, cancel and delete. Uploading runs in the page's
 * script against the REST API, in chunks.
 */
@Named("trainerVideos")
@ViewScoped
public class TrainerVideosBean implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient Videos videos;
  @Inject transient VideoUploads uploads;

  private List<VideoRow> rows;

  public List<VideoRow> getRows() {
    if (rows == null) {
      refresh();
    }
    return rows;
  }

  /** Reloads the list; the page's poll calls it while any video is in the pipeline. */
  public void refresh() {
    rows = videos.list(Optional.empty()).stream().map(VideoRow::new).toList();
  }

  /** Whether the page should keep polling. */
  public boolean isBusy() {
    return getRows().stream().anyMatch(VideoRow::isInPipeline);
  }

  /** Deletes the video, or cancels its processing. */
  public void delete(String id) {
    if (uploads.delete(id)) {
      Messages.info("videos.deleted");
    }
    refresh();
  }

  /** One row of the table, with getters for EL (which cannot read records). */
  public static final class VideoRow implements Serializable {
    private static final long serialVersionUID = 1L;
    private final String id;
    private final String title;
    private final String state;
    private final int progress;
    private final String error;
    private final Long durationSeconds;
    private final boolean mine;
    private final boolean inPipeline;
    private final boolean playable;
    private final int version;
    private final Integer publishedVersion;

    VideoRow(VideoView v) {
      this.id = v.id();
      this.title = v.title();
      this.state = v.state();
      this.progress = v.progress();
      this.error = v.error();
      this.durationSeconds = v.durationSeconds();
      this.mine = v.mine();
      this.inPipeline = v.processing();
      this.playable = v.playable();
      this.version = v.version();
      this.publishedVersion = v.publishedVersion();
    }

    public String getId() {
      return id;
    }

    public String getTitle() {
      return title;
    }

    public String getState() {
      return state;
    }

    public int getProgress() {
      return progress;
    }

    public String getError() {
      return error;
    }

    public String getDuration() {
      return Times.clock(durationSeconds);
    }

    public boolean isMine() {
      return mine;
    }

    public boolean isInPipeline() {
      return inPipeline;
    }

    public boolean isPlayable() {
      return playable;
    }

    /** The newest version's number. */
    public int getVersion() {
      return version;
    }

    /** The number of the version employees see; null when none. */
    public Integer getPublishedVersion() {
      return publishedVersion;
    }

    /** A critic asked for changes: the trainer's turn (the list's badge). */
    public boolean isNeedsChanges() {
      return "CHANGES_REQUESTED".equals(state);
    }
  }
}
