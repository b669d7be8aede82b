package io.kursfilm.web.ui;

import io.kursfilm.quiz.boundary.Question;
import io.kursfilm.quiz.boundary.QuizResults;
import io.kursfilm.quiz.boundary.QuizVersion;
import io.kursfilm.quiz.boundary.QuizView;
import io.kursfilm.quiz.boundary.Quizzes;
import io.kursfilm.quiz.boundary.Results;
import jakarta.ejb.EJBException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The results of one quiz version of a video for its trainers (trainer/results.xhtml?video=…
 * [&quiz=…]): figures, score bands, per-question difficulty and the participant table. Every read
 * of results is audited, so they are read once when the view opens and kept for its life (sorting
 * does not read again). REST twins: {@code GET /api/v1/videos/{id}/quiz/versions}, {@code GET
 * /api/v1/quizzes/{id}/results} and {@code /results.csv}.
 */
@Named("trainerResults")
@ViewScoped
public class TrainerResultsBean implements Serializable {

  private static final long serialVersionUID = 1L;

  /** What the page can show. */
  public enum Status {
    NO_QUIZ,
    FORBIDDEN,
    SHOWN
  }

  @Inject transient Quizzes quizzes;
  @Inject transient Results results;

  private String video;
  private String quiz;
  private boolean loaded;
  private Status status = Status.NO_QUIZ;
  private final List<ResultsView.Version> versions = new ArrayList<>();
  private ResultsView view;

  /** Reads the versions and the chosen version's results, once per view. */
  public void load() {
    if (loaded) {
      return;
    }
    loaded = true;
    List<QuizVersion> found = video == null ? List.of() : quizzes.versions(video).orElse(List.of());
    Optional<QuizVersion> chosen = chosen(found);
    if (chosen.isEmpty()) {
      return;
    }
    quiz = chosen.get().id();
    found.forEach(v -> versions.add(new ResultsView.Version(v, quiz)));
    try {
      Optional<QuizResults> read = results.of(quiz);
      List<String> questions =
          quizzes.find(quiz).map(QuizView::definition).map(d -> texts(d.questions())).orElse(null);
      view = read.map(r -> new ResultsView(r, questions)).orElse(null);
      status = view == null ? Status.NO_QUIZ : Status.SHOWN;
    } catch (EJBException e) {
      if (!Denials.denied(e)) {
        throw e;
      }
      status = Status.FORBIDDEN;
    }
  }

  /** The asked-for version if the video has it, else the one employees take, else the newest. */
  private Optional<QuizVersion> chosen(List<QuizVersion> found) {
    return found.stream()
        .filter(v -> v.id().equals(quiz))
        .findFirst()
        .or(() -> found.stream().filter(QuizVersion::published).findFirst())
        .or(() -> found.stream().findFirst());
  }

  private static List<String> texts(List<Question> questions) {
    return questions.stream().map(Question::text).toList();
  }

  public String getVideo() {
    return video;
  }

  public void setVideo(String video) {
    this.video = video;
  }

  public String getQuiz() {
    return quiz;
  }

  public void setQuiz(String quiz) {
    this.quiz = quiz;
  }

  public String getStatus() {
    return status.name();
  }

  public List<ResultsView.Version> getVersions() {
    return versions;
  }

  /** The results shown; null unless the status is SHOWN. */
  public ResultsView getResults() {
    return view;
  }
}
