package io.kursfilm.web.ui;

import io.kursfilm.kernel.ConflictException;
import io.kursfilm.quiz.boundary.AttemptView;
import io.kursfilm.quiz.boundary.Attempts;
import io.kursfilm.quiz.boundary.QuizForTaking;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The employee's result of a quiz (portal/result.xhtml?quiz=ID): the newest submitted attempt with
 * score, pass or fail, each question right or wrong with its feedback, the attempts used and left,
 * and a new attempt while one is left. REST twins {@code GET /api/v1/quizzes/{id}/take}, {@code GET
 * /api/v1/quizzes/{id}/attempts} and {@code POST /api/v1/quizzes/{id}/attempts/open}.
 */
@Named("quizResult")
@ViewScoped
public class QuizResultBean implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient Attempts attempts;

  private String quizId;
  private String videoId;
  private int passMark;
  private int maxAttempts;
  private int attemptsUsed;
  private boolean open;
  private AttemptRow shown;
  private List<AttemptRow> history = List.of();
  private List<QuestionRow> questions = List.of();

  /** Loads the quiz named by the {@code quiz} view parameter; unknown ones show "not found". */
  public void load() {
    Optional<QuizForTaking> found =
        quizId == null ? Optional.empty() : attempts.forTakingQuiz(quizId);
    if (found.isEmpty()) {
      return;
    }
    QuizForTaking quiz = found.get();
    videoId = quiz.videoId();
    passMark = quiz.passMark();
    maxAttempts = quiz.maxAttempts();
    attemptsUsed = quiz.attemptsUsed();
    open = quiz.openAttempt() != null;
    List<AttemptView> mine = attempts.mine(quizId).orElse(List.of());
    history =
        mine.stream()
            .filter(AttemptView::submitted)
            .sorted(Comparator.comparingInt(AttemptView::number).reversed())
            .map(AttemptRow::new)
            .toList();
    mine.stream()
        .filter(AttemptView::submitted)
        .max(Comparator.comparingInt(AttemptView::number))
        .ifPresent(
            a -> {
              shown = new AttemptRow(a);
              questions = quiz.questions().stream().map(q -> QuestionRow.of(q, a)).toList();
            });
  }

  /** Opens a new attempt (or the open one) and goes back to the video to take it. */
  public String tryAgain() {
    try {
      attempts.start(quizId);
      return "/watch.xhtml?faces-redirect=true&id="
          + URLEncoder.encode(videoId, StandardCharsets.UTF_8);
    } catch (ConflictException e) {
      attemptsUsed = maxAttempts;
      Messages.error("result.no-attempt-left");
      return null;
    }
  }

  public boolean isFound() {
    return videoId != null;
  }

  public boolean isSubmitted() {
    return shown != null;
  }

  public AttemptRow getShown() {
    return shown;
  }

  public List<AttemptRow> getHistory() {
    return history;
  }

  public List<QuestionRow> getQuestions() {
    return questions;
  }

  public String getQuizId() {
    return quizId;
  }

  public void setQuizId(String quizId) {
    this.quizId = quizId;
  }

  public String getVideoId() {
    return videoId;
  }

  public int getPassMark() {
    return passMark;
  }

  public int getMaxAttempts() {
    return maxAttempts;
  }

  public int getAttemptsUsed() {
    return attemptsUsed;
  }

  public int getAttemptsLeft() {
    return Math.max(0, maxAttempts - attemptsUsed);
  }

  /** An attempt is open (started, not submitted): "try again" continues it. */
  public boolean isOpen() {
    return open;
  }

  public boolean isMayTryAgain() {
    return open || getAttemptsLeft() > 0;
  }

  /** One submitted attempt, with getters for EL (which cannot read records). */
  public static final class AttemptRow implements Serializable {
    private static final long serialVersionUID = 1L;
    private final int number;
    private final int score;
    private final boolean passed;
    private final String submitted;

    AttemptRow(AttemptView a) {
      this.number = a.number();
      this.score = a.score() == null ? 0 : a.score();
      this.passed = Boolean.TRUE.equals(a.passed());
      this.submitted = a.submittedAt() == null ? "" : Times.when(a.submittedAt());
    }

    public int getNumber() {
      return number;
    }

    public int getScore() {
      return score;
    }

    public boolean isPassed() {
      return passed;
    }

    public String getSubmitted() {
      return submitted;
    }
  }

  /** One question of the shown attempt: the answer given, right or wrong, and its feedback. */
  public static final class QuestionRow implements Serializable {
    private static final long serialVersionUID = 1L;
    private final int index;
    private final String text;
    private final String answer;
    private final boolean answered;
    private final boolean right;
    private final List<String> feedback;

    private QuestionRow(
        int index,
        String text,
        String answer,
        boolean answered,
        boolean right,
        List<String> feedback) {
      this.index = index;
      this.text = text;
      this.answer = answer;
      this.answered = answered;
      this.right = right;
      this.feedback = feedback;
    }

    static QuestionRow of(QuizForTaking.Item q, AttemptView a) {
      List<Integer> given = q.index() < a.answers().size() ? a.answers().get(q.index()) : List.of();
      List<String> texts = new ArrayList<>();
      for (Integer option : given) {
        q.options().stream()
            .filter(c -> c.index() == option)
            .findFirst()
            .ifPresent(c -> texts.add(c.text()));
      }
      Optional<AttemptView.Feedback> f =
          a.feedback().stream().filter(x -> x.question() == q.index()).findFirst();
      String separator = "ORDERING".equals(q.type()) ? " → " : ", ";
      return new QuestionRow(
          q.index(),
          q.text(),
          String.join(separator, texts),
          !given.isEmpty(),
          f.map(AttemptView.Feedback::right).orElse(false),
          new ArrayList<>(f.map(AttemptView.Feedback::feedback).orElse(List.of())));
    }

    public int getIndex() {
      return index;
    }

    public String getText() {
      return text;
    }

    public String getAnswer() {
      return answer;
    }

    public boolean isAnswered() {
      return answered;
    }

    public boolean isRight() {
      return right;
    }

    public List<String> getFeedback() {
      return feedback;
    }
  }
}
