package io.kursfilm.web.ui;

import io.kursfilm.video.boundary.VideoView;
import io.kursfilm.video.boundary.Videos;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/**
 * The employee's portal: the published videos of the tenant, each in its published version (the
 * boundary shows employees nothing else). REST twin {@code GET /api/v1/videos}.
 */
@Named("portal")
@ViewScoped
public class PortalBean implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient Videos videos;

  private List<Row> rows;

  public List<Row> getRows() {
    if (rows == null) {
      rows =
          videos.list(Optional.empty()).stream()
              .filter(v -> v.publishedVersion() != null)
              .map(Row::new)
              .toList();
    }
    return rows;
  }

  /** One published video, with getters for EL. */
  public static final class Row implements Serializable {
    private static final long serialVersionUID = 1L;
    private final String id;
    private final String title;
    private final String description;
    private final String duration;

    Row(VideoView v) {
      this.id = v.id();
      this.title = v.title();
      this.description = v.description();
      this.duration = Times.clock(v.durationSeconds());
    }

    public String getId() {
      return id;
    }

    public String getTitle() {
      return title;
    }

    public String getDescription() {
      return description;
    }

    public String getDuration() {
      return duration;
    }
  }
}
