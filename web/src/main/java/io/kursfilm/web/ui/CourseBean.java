package io.kursfilm.web.ui;

import io.kursfilm.learning.boundary.CourseView;
import io.kursfilm.learning.boundary.Courses;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * A course's page in the portal: its videos in order. REST twin: {@code GET /api/v1/courses/{id}}.
 */
@Named("course")
@ViewScoped
public class CourseBean implements Serializable {

  private static final long serialVersionUID = 1L;

  /** A video of the course as a list item. */
  public static final class Item implements Serializable {
    private static final long serialVersionUID = 1L;
    private final String id;
    private final String title;
    private final boolean watchable;

    Item(CourseView.Video v) {
      this.id = v.id();
      this.title = v.title();
      this.watchable = v.published() && v.title() != null;
    }

    public String getId() {
      return id;
    }

    public String getTitle() {
      return title;
    }

    public boolean isWatchable() {
      return watchable;
    }
  }

  @Inject transient Courses courses;

  private String id;
  private String title;
  private String description;
  private boolean found;
  private final List<Item> videos = new ArrayList<>();

  public void load() {
    courses
        .find(id)
        .ifPresent(
            c -> {
              found = true;
              title = c.title();
              description = c.description();
              c.videos().forEach(v -> videos.add(new Item(v)));
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

  public boolean isFound() {
    return found;
  }

  public List<Item> getVideos() {
    return videos;
  }
}
