package io.kursfilm.web.ui;

import io.kursfilm.kernel.Caller;
import io.kursfilm.kernel.Role;
import io.kursfilm.video.boundary.Captions;
import io.kursfilm.video.boundary.VideoView;
import io.kursfilm.video.boundary.Videos;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The player page: one video the caller may watch, played by hls.js from the HLS endpoint. */
@Named("watch")
@ViewScoped
public class WatchBean implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient Videos videos;
  @Inject transient Captions captions;
  @Inject transient Caller caller;

  private String id;
  private String title;
  private String description;
  private boolean playable;
  private List<Track> tracks = List.of();

  /** Loads the video named by the {@code id} view parameter; unknown ids show "not found". */
  public void load() {
    Optional<VideoView> video = id == null ? Optional.empty() : videos.find(id);
    video.ifPresent(
        v -> {
          title = v.title();
          description = v.description();
          playable = v.playable();
          tracks =
              captions.list(id).stream()
                  .map(c -> new Track(c.language(), c.label()))
                  .collect(Collectors.toCollection(ArrayList::new));
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

  public List<Track> getTracks() {
    return tracks;
  }

  /** Trainers add and remove captions on this page. */
  public boolean isTrainer() {
    return caller.current().map(c -> c.has(Role.TRAINER)).orElse(false);
  }

  /**
   * Employees take the quiz of the video here; the page's script loads it (REST) and asks its
   * questions during and after playback.
   */
  public boolean isEmployee() {
    return caller.current().map(c -> c.has(Role.EMPLOYEE)).orElse(false);
  }

  /**
   * The player reports watched intervals (the learning portal's progress) for people who watch the
   * published version: employees without a role that shows them the newest version instead.
   */
  public boolean isReportsProgress() {
    return caller
        .current()
        .map(
            c ->
                c.has(Role.EMPLOYEE)
                    && !c.has(Role.TRAINER)
                    && !c.has(Role.CRITIC)
                    && !c.has(Role.TENANT_ADMIN))
        .orElse(false);
  }

  /** One caption track, with getters for EL. */
  public static final class Track implements Serializable {
    private static final long serialVersionUID = 1L;
    private final String language;
    private final String label;

    Track(String language, String label) {
      this.language = language;
      this.label = label;
    }

    public String getLanguage() {
      return language;
    }

    public String getLabel() {
      return label;
    }
  }

  public boolean isFound() {
    return title != null;
  }
}
