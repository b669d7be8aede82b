package io.kursfilm.web.ui;

import io.kursfilm.kernel.ConflictException;
import io.kursfilm.quiz.boundary.QuestionType;
import io.kursfilm.quiz.boundary.QuizView;
import io.kursfilm.quiz.boundary.Quizzes;
import io.kursfilm.video.boundary.VideoTrainers;
import io.kursfilm.video.boundary.VideoView;
import io.kursfilm.video.boundary.Videos;
import jakarta.ejb.EJBException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.text.MessageFormat;
import java.util.Optional;

/**
 * The trainer's quiz editor (trainer/quiz.xhtml): the video's newest quiz loaded into a {@link
 * QuizForm}, questions and options added, moved and removed in the view, and saved as a new quiz
 * version. A refused save keeps the form as it was and names the problem. REST twin {@code GET|POST
 * /videos/{id}/quiz}.
 */
@Named("quizEditor")
@ViewScoped
public class QuizEditorBean implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient Videos videos;
  @Inject transient VideoTrainers trainers;
  @Inject transient Quizzes quizzes;

  private String videoId;
  private String title;
  private int version;
  private String state;
  private String duration;
  private QuizForm form;
  private QuizForm stored;
  private Integer storedNumber;
  private String newType = QuestionType.SINGLE_CHOICE.name();
  private boolean backToReview;

  /** Loads the video named by the {@code video} view parameter if the caller is its trainer. */
  public void load() {
    Optional<VideoView> video = videoId == null ? Optional.empty() : videos.find(videoId);
    if (video.isEmpty() || !trainers.callerIsTrainerOf(videoId)) {
      form = null;
      return;
    }
    show(video.get());
    Optional<QuizView> newest = quizzes.ofVideo(videoId);
    form = newest.map(q -> QuizForm.of(q.definition())).orElseGet(QuizForm::new);
    stored = newest.map(q -> QuizForm.of(q.definition())).orElse(null);
    storedNumber = newest.map(QuizView::number).orElse(null);
  }

  private void show(VideoView v) {
    title = v.title();
    version = v.version();
    state = v.state();
    duration = Times.clock(v.durationSeconds());
  }

  public void addQuestion() {
    form.addQuestion(
        QuestionType.valueOf(newType), Messages.text("quiz.true"), Messages.text("quiz.false"));
  }

  public void removeQuestion(int question) {
    form.removeQuestion(question);
  }

  public void moveQuestion(int question, int by) {
    form.moveQuestion(question, by);
  }

  /** After the type select changed: a true/false question gets its two options. */
  public void typeChanged(int question) {
    form.question(question).fitOptions(Messages.text("quiz.true"), Messages.text("quiz.false"));
  }

  public void addOption(int question) {
    form.question(question).addOption();
  }

  public void removeOption(int question, int option) {
    form.question(question).removeOption(option);
  }

  public void moveOption(int question, int option, int by) {
    form.question(question).moveOption(option, by);
  }

  /** Saves the form as the next quiz version and says which video version carries it. */
  public void save() {
    try {
      int before = videos.find(videoId).map(VideoView::version).orElse(0);
      Optional<QuizView> saved = quizzes.save(videoId, form.toDefinition());
      if (saved.isEmpty()) {
        Messages.error("watch.not-found");
        return;
      }
      QuizView quiz = saved.get();
      form = QuizForm.of(quiz.definition());
      stored = QuizForm.of(quiz.definition());
      storedNumber = quiz.number();
      backToReview = quiz.videoVersion() != before;
      videos.find(videoId).ifPresent(this::show);
      String done = backToReview ? "quiz.editor.saved.review" : "quiz.editor.saved";
      Messages.plain(
          FacesMessage.SEVERITY_INFO,
          MessageFormat.format(Messages.text(done), quiz.number(), quiz.videoVersion()));
    } catch (IllegalArgumentException e) {
      refused(e);
    } catch (ConflictException e) {
      Messages.error("quiz.editor.conflict");
    } catch (EJBException e) {
      // Deployed in a war, the ejb jar's descriptor does not make IllegalArgumentException an
      // application exception, so the container wraps it.
      if (e.getCause() instanceof IllegalArgumentException problem) {
        refused(problem);
      } else if (Denials.denied(e)) {
        Messages.error("review.forbidden");
      } else {
        throw e;
      }
    }
  }

  /** The boundary's problem in the trainer's words; the form keeps what they typed. */
  private static void refused(IllegalArgumentException problem) {
    FacesContext faces = FacesContext.getCurrentInstance();
    faces.validationFailed();
    Messages.plain(
        FacesMessage.SEVERITY_ERROR,
        QuizProblems.describe(
            problem.getMessage(), faces.getApplication().getResourceBundle(faces, "msg")));
  }

  public String getVideo() {
    return videoId;
  }

  public void setVideo(String videoId) {
    this.videoId = videoId;
  }

  public boolean isFound() {
    return form != null;
  }

  public String getTitle() {
    return title;
  }

  /** The video's newest version: the one a save attaches the quiz to, or derives from. */
  public int getVersion() {
    return version;
  }

  public String getState() {
    return state;
  }

  /** How long the newest version runs, {@code m:ss}: the latest time a question can be asked. */
  public String getDuration() {
    return duration;
  }

  public QuizForm getForm() {
    return form;
  }

  /** The newest stored quiz as the summary shows it; null before the first save. */
  public QuizForm getStored() {
    return stored;
  }

  /** The newest stored quiz's version; null before the first save. */
  public Integer getStoredNumber() {
    return storedNumber;
  }

  /** Whether the last save derived a new video version that waits for review. */
  public boolean isBackToReview() {
    return backToReview;
  }

  /** The type of the next question added (a {@link QuestionType} name). */
  public String getNewType() {
    return newType;
  }

  public void setNewType(String newType) {
    this.newType = newType;
  }

  public QuestionType[] getTypes() {
    return QuestionType.values();
  }
}
