package io.kursfilm.web.ui;

import io.kursfilm.quiz.boundary.QuizView;
import io.kursfilm.quiz.boundary.Quizzes;
import jakarta.ejb.EJBException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Optional;

/**
 * The quiz of the newest version of the video on the page (videoReview), read once a view: what a
 * critic approves with the video on critic/review.xhtml, and whether a trainer's video has a quiz
 * on trainer/video.xhtml. REST twin {@code GET /videos/{id}/quiz}.
 */
@Named("videoQuiz")
@ViewScoped
public class VideoQuizBean implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient Quizzes quizzes;
  @Inject VideoReviewBean video;

  private boolean loaded;
  private QuizForm quiz;
  private Integer number;

  private void load() {
    if (loaded || !video.isFound()) {
      return;
    }
    loaded = true;
    Optional<QuizView> newest = newest();
    quiz = newest.map(q -> QuizForm.of(q.definition())).orElse(null);
    number = newest.map(QuizView::number).orElse(null);
  }

  /** Whom the boundary refuses the right answers (an employee) sees no quiz. */
  private Optional<QuizView> newest() {
    try {
      return quizzes.ofVideo(video.getId());
    } catch (EJBException e) {
      if (Denials.denied(e)) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** The newest version's quiz with its right answers; null when it has none. */
  public QuizForm getQuiz() {
    load();
    return quiz;
  }

  /** The quiz's version on its video; null when there is none. */
  public Integer getNumber() {
    load();
    return number;
  }
}
