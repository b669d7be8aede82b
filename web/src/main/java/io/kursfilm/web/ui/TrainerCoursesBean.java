package io.kursfilm.web.ui;

import io.kursfilm.kernel.ConflictException;
import io.kursfilm.learning.boundary.CourseView;
import io.kursfilm.learning.boundary.Courses;
import io.kursfilm.learning.boundary.NewCourse;
import io.kursfilm.video.boundary.Videos;
import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.primefaces.model.DualListModel;

/**
 * The trainer's courses page: the courses with their videos, a form to make or change one (videos
 * picked and put in order with a pick list), and removal. REST twin: {@code /api/v1/courses}.
 */
@Named("trainerCourses")
@ViewScoped
public class TrainerCoursesBean implements Serializable {

  private static final long serialVersionUID = 1L;

  /** A course as a table row. */
  public static final class Row implements Serializable {
    private static final long serialVersionUID = 1L;
    private final String id;
    private final String title;
    private final String videos;

    Row(CourseView c) {
      this.id = c.id();
      this.title = c.title();
      this.videos =
          String.join(
              " → ", c.videos().stream().map(v -> v.title() == null ? "?" : v.title()).toList());
    }

    public String getId() {
      return id;
    }

    public String getTitle() {
      return title;
    }

    public String getVideos() {
      return videos;
    }
  }

  @Inject transient Courses courses;
  @Inject transient Videos videos;

  private List<Row> rows;
  private final Map<String, String> titles = new HashMap<>();
  private String editing;
  private String title;
  private String description;
  private DualListModel<String> picked = new DualListModel<>();

  @PostConstruct
  void load() {
    rows = courses.list().stream().map(Row::new).toList();
    titles.clear();
    videos.list(Optional.empty()).stream()
        .filter(v -> v.publishedVersion() != null)
        .forEach(v -> titles.put(v.id(), v.title()));
    reset();
  }

  private void reset() {
    editing = null;
    title = null;
    description = null;
    picked = new DualListModel<>(new ArrayList<>(titles.keySet()), new ArrayList<>());
  }

  public void edit(String id) {
    courses
        .find(id)
        .ifPresent(
            c -> {
              editing = c.id();
              title = c.title();
              description = c.description();
              List<String> chosen = new ArrayList<>(c.getVideoIds());
              List<String> rest = new ArrayList<>(titles.keySet());
              rest.removeAll(chosen);
              picked = new DualListModel<>(rest, chosen);
            });
  }

  public void save() {
    NewCourse course = new NewCourse(title, description, List.copyOf(picked.getTarget()));
    try {
      if (editing == null) {
        courses.create(course);
      } else {
        courses.update(editing, course);
      }
      Messages.info("courses.saved");
      load();
    } catch (IllegalArgumentException e) {
      Messages.plain(FacesMessage.SEVERITY_ERROR, e.getMessage());
    }
  }

  public void delete(String id) {
    try {
      courses.delete(id);
      Messages.info("courses.deleted");
    } catch (ConflictException e) {
      Messages.error("courses.assigned");
    }
    load();
  }

  public void cancel() {
    reset();
  }

  /** The title shown for a video id in the pick list. */
  public String titleOf(String videoId) {
    return titles.getOrDefault(videoId, videoId);
  }

  public List<Row> getRows() {
    return rows;
  }

  public boolean isEditing() {
    return editing != null;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public DualListModel<String> getPicked() {
    return picked;
  }

  public void setPicked(DualListModel<String> picked) {
    this.picked = picked;
  }
}
