package io.kursfilm.web.ui;

import io.kursfilm.quiz.boundary.Attempts;
import io.kursfilm.quiz.boundary.QuizStatus;
import io.kursfilm.video.boundary.VideoView;
import io.kursfilm.video.boundary.Videos;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The employee's portal: the published videos of the tenant, each in its published version (the
 * boundary shows employees nothing else), with the caller's status in its quiz, read for the whole
 * list at once. REST twins {@code GET /api/v1/videos} and {@code GET /api/v1/videos/quiz-status}.
 */
@Named("portal")
@ViewScoped
public class PortalBean implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient Videos videos;
  @Inject transient Attempts attempts;

  private List<Row> rows;

  public List<Row> getRows() {
    if (rows == null) {
      List<VideoView> published =
          videos.list(Optional.empty()).stream().filter(v -> v.publishedVersion() != null).toList();
      Map<String, QuizStatus> quiz =
          attempts.statusOfVideos(published.stream().map(VideoView::id).toList());
      rows = published.stream().map(v -> new Row(v, quiz.get(v.id()))).toList();
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
    private final QuizStatus quiz;

    Row(VideoView v, QuizStatus quiz) {
      this.id = v.id();
      this.title = v.title();
      this.description = v.description();
      this.duration = Times.clock(v.durationSeconds());
      this.quiz = quiz;
    }

    public boolean isHasQuiz() {
      return quiz != null;
    }

    /** The caller's status with the video's quiz (a {@link QuizStatus} name); null without one. */
    public String getQuizStatus() {
      return quiz == null ? null : quiz.name();
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
