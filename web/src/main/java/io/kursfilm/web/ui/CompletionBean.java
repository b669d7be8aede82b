package io.kursfilm.web.ui;

import io.kursfilm.quiz.boundary.Completion;
import io.kursfilm.quiz.boundary.VideoCompletion;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The tenant admin's completion page (admin/completion.xhtml?video=…[&open=true]): choose a video
 * with a quiz, see per employee whether they completed it and when, optionally only those who have
 * not. Each read is audited, so it is read once per view. REST twins: {@code GET
 * /api/v1/completion} and {@code GET /api/v1/videos/{id}/completion}.
 */
@Named("completion")
@ViewScoped
public class CompletionBean implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient Completion completion;

  private String video;
  private boolean open;
  private boolean loaded;
  private final List<Choice> videos = new ArrayList<>();
  private String title;
  private int completed;
  private int employees;
  private boolean found;
  private final List<Row> rows = new ArrayList<>();

  /** Reads the videos with a quiz and, when one is chosen, its completion. */
  public void load() {
    if (loaded) {
      return;
    }
    loaded = true;
    completion.videos().forEach(v -> videos.add(new Choice(v, v.videoId().equals(video))));
    if (video == null || video.isBlank()) {
      return;
    }
    completion
        .of(video)
        .ifPresent(
            c -> {
              found = true;
              title = c.title();
              completed = c.completed();
              employees = c.rows().size();
              c.rows().stream()
                  .filter(r -> !open || !r.completed())
                  .forEach(r -> rows.add(new Row(r)));
            });
  }

  public String getVideo() {
    return video;
  }

  public void setVideo(String video) {
    this.video = video;
  }

  public boolean isOpen() {
    return open;
  }

  public void setOpen(boolean open) {
    this.open = open;
  }

  public List<Choice> getVideos() {
    return videos;
  }

  /** Whether a chosen video of the tenant is shown. */
  public boolean isFound() {
    return found;
  }

  public String getTitle() {
    return title;
  }

  public int getCompleted() {
    return completed;
  }

  public int getEmployees() {
    return employees;
  }

  public List<Row> getRows() {
    return rows;
  }

  /** A video to choose. */
  public static final class Choice implements Serializable {
    private static final long serialVersionUID = 1L;
    private final String id;
    private final String title;
    private final boolean chosen;

    Choice(VideoCompletion.Video video, boolean chosen) {
      this.id = video.videoId();
      this.title = video.title();
      this.chosen = chosen;
    }

    public String getId() {
      return id;
    }

    public String getTitle() {
      return title;
    }

    public boolean isChosen() {
      return chosen;
    }
  }

  /** One employee. */
  public static final class Row implements Serializable {
    private static final long serialVersionUID = 1L;
    private final String name;
    private final boolean completed;
    private final String completedAt;
    private final Integer quizNumber;

    Row(VideoCompletion.Row row) {
      this.name = row.name();
      this.completed = row.completed();
      this.completedAt = Times.when(row.completedAt());
      this.quizNumber = row.quizNumber();
    }

    public String getName() {
      return name;
    }

    public boolean isCompleted() {
      return completed;
    }

    /** To the minute; empty when not completed. */
    public String getCompletedAt() {
      return completedAt;
    }

    public Integer getQuizNumber() {
      return quizNumber;
    }
  }
}
