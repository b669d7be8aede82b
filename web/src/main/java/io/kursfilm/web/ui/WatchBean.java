package io.kursfilm.web.ui;

import io.kursfilm.video.boundary.VideoView;
import io.kursfilm.video.boundary.Videos;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Optional;

/** The player page: one video the caller may watch, played by hls.js from the HLS endpoint. */
@Named("watch")
@ViewScoped
public class WatchBean implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient Videos videos;

  private String id;
  private String title;
  private String description;
  private boolean playable;

  /** Loads the video named by the {@code id} view parameter; unknown ids show "not found". */
  public void load() {
    Optional<VideoView> video = id == null ? Optional.empty() : videos.find(id);
    video.ifPresent(
        v -> {
          title = v.title();
          description = v.description();
          playable =
              switch (v.state()) {
                case "IN_REVIEW", "CHANGES_REQUESTED", "PUBLISHED", "ARCHIVED" -> true;
                default -> false;
              };
        });
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public String getTitle() {
    return title;
  }

  public String getDescription() {
    return description;
  }

  public boolean isPlayable() {
    return playable;
  }

  public boolean isFound() {
    return title != null;
  }
}
