package io.kursfilm.web.ui;

import io.kursfilm.learning.boundary.Catalogue;
import io.kursfilm.learning.boundary.CatalogueEntry;
import io.kursfilm.learning.boundary.Progress;
import io.kursfilm.learning.boundary.ProgressView;
import io.kursfilm.quiz.boundary.Attempts;
import io.kursfilm.quiz.boundary.QuizStatus;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * The employee's portal catalogue: the tenant's published videos, searched by words and filtered by
 * language, each with the caller's watched share, completion and quiz status (read for the whole
 * list at once), and the "continue watching" row. REST twins {@code GET /api/v1/catalogue}, {@code
 * GET /api/v1/progress?continue=true} and {@code GET /api/v1/videos/quiz-status}.
 */
@Named("portal")
@ViewScoped
public class PortalBean implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient Catalogue catalogue;
  @Inject transient Progress progress;
  @Inject transient Attempts attempts;

  private String query;
  private String language;
  private List<Row> rows;
  private List<Continue> continuing;
  private List<String> languages;

  public List<Row> getRows() {
    if (rows == null) {
      List<CatalogueEntry> found = catalogue.search(query, language);
      Map<String, QuizStatus> quiz =
          attempts.statusOfVideos(found.stream().map(CatalogueEntry::id).toList());
      rows = found.stream().map(v -> new Row(v, quiz.get(v.id()))).toList();
    }
    return rows;
  }

  /** Videos started since their last completion and not watched to the end, newest first. */
  public List<Continue> getContinuing() {
    if (continuing == null) {
      continuing = progress.mine(true).stream().limit(6).map(Continue::new).toList();
    }
    return continuing;
  }

  public List<String> getLanguages() {
    if (languages == null) {
      languages = catalogue.languages();
    }
    return languages;
  }

  /** Runs the search with the words and language entered (the table is read again). */
  public void search() {
    rows = null;
  }

  public String getQuery() {
    return query;
  }

  public void setQuery(String query) {
    this.query = query == null || query.length() <= 200 ? query : query.substring(0, 200);
  }

  public String getLanguage() {
    return language;
  }

  public void setLanguage(String language) {
    this.language = language;
  }

  /** One published video, with getters for EL. */
  public static final class Row implements Serializable {
    private static final long serialVersionUID = 1L;
    private final String id;
    private final String title;
    private final String description;
    private final String language;
    private final String duration;
    private final int watchedPercent;
    private final boolean completed;
    private final QuizStatus quiz;

    Row(CatalogueEntry v, QuizStatus quiz) {
      this.id = v.id();
      this.title = v.title();
      this.description = v.description();
      this.language = v.language();
      this.duration = Times.clock(v.durationSeconds());
      this.watchedPercent = (int) Math.floor(v.watchedShare() * 100);
      this.completed = v.completed();
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

    public String getLanguage() {
      return language;
    }

    public String getDuration() {
      return duration;
    }

    /** Share watched since the last completion, whole percent. */
    public int getWatchedPercent() {
      return watchedPercent;
    }

    public boolean isCompleted() {
      return completed;
    }
  }

  /** A video to continue, with getters for EL. */
  public static final class Continue implements Serializable {
    private static final long serialVersionUID = 1L;
    private final String id;
    private final String title;
    private final String position;
    private final int watchedPercent;

    Continue(ProgressView p) {
      this.id = p.videoId();
      this.title = p.title();
      this.position = Times.clock((long) p.position());
      this.watchedPercent = (int) Math.floor(p.watchedShare() * 100);
    }

    public String getId() {
      return id;
    }

    public String getTitle() {
      return title;
    }

    /** Where playback resumes, as {@code m:ss}. */
    public String getPosition() {
      return position;
    }

    public int getWatchedPercent() {
      return watchedPercent;
    }
  }
}
