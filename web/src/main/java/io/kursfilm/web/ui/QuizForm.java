package io.kursfilm.web.ui;

import io.kursfilm.quiz.boundary.CountingRule;
import io.kursfilm.quiz.boundary.Question;
import io.kursfilm.quiz.boundary.QuestionType;
import io.kursfilm.quiz.boundary.QuizDefinition;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * A whole quiz as the trainer edits it on trainer/quiz.xhtml, kept in the view between requests so
 * a refused save loses nothing; and, read only, what the quiz summary shows. Holds no rules of its
 * own: {@link #toDefinition} only converts, the boundary validates.
 */
public final class QuizForm implements Serializable {

  private static final long serialVersionUID = 1L;

  private final List<QuestionForm> questions = new ArrayList<>();
  private Integer passMark = 80;
  private Integer maxAttempts = 3;
  private String counting = CountingRule.BEST.name();
  private boolean shuffleQuestions;
  private boolean shuffleOptions;

  static QuizForm of(QuizDefinition d) {
    QuizForm form = new QuizForm();
    d.questions().forEach(q -> form.questions.add(QuestionForm.of(q)));
    form.passMark = d.passMark();
    form.maxAttempts = d.maxAttempts();
    form.counting = d.counting() == null ? null : d.counting().name();
    form.shuffleQuestions = d.shuffleQuestions();
    form.shuffleOptions = d.shuffleOptions();
    return form;
  }

  /**
   * The quiz for the boundary. Missing numbers go as -1, which the boundary refuses naming them.
   *
   * @throws IllegalArgumentException naming a question whose time cannot be read
   */
  QuizDefinition toDefinition() {
    List<Question> converted = new ArrayList<>();
    for (int i = 0; i < questions.size(); i++) {
      converted.add(questions.get(i).toQuestion("questions[" + i + "]"));
    }
    return new QuizDefinition(
        converted,
        passMark == null ? -1 : passMark,
        maxAttempts == null ? -1 : maxAttempts,
        counting == null ? null : CountingRule.valueOf(counting),
        shuffleQuestions,
        shuffleOptions);
  }

  /**
   * Adds a question of {@code type}; a true/false one comes with options {@code yes}, {@code no}.
   */
  QuestionForm addQuestion(QuestionType type, String yes, String no) {
    QuestionForm q = new QuestionForm(type);
    q.fitOptions(yes, no);
    questions.add(q);
    return q;
  }

  void removeQuestion(int index) {
    questions.remove(index);
  }

  /** Moves the question at {@code index} one place up ({@code by} -1) or down (+1), if it can. */
  void moveQuestion(int index, int by) {
    QuestionForm.swap(questions, index, by);
  }

  QuestionForm question(int index) {
    return questions.get(index);
  }

  public List<QuestionForm> getQuestions() {
    return questions;
  }

  /** Percent of questions answered right needed to pass. */
  public Integer getPassMark() {
    return passMark;
  }

  public void setPassMark(Integer passMark) {
    this.passMark = passMark;
  }

  public Integer getMaxAttempts() {
    return maxAttempts;
  }

  public void setMaxAttempts(Integer maxAttempts) {
    this.maxAttempts = maxAttempts;
  }

  /** A {@link CountingRule} name: which attempt is the result. */
  public String getCounting() {
    return counting;
  }

  public void setCounting(String counting) {
    this.counting = counting;
  }

  public boolean isShuffleQuestions() {
    return shuffleQuestions;
  }

  public void setShuffleQuestions(boolean shuffleQuestions) {
    this.shuffleQuestions = shuffleQuestions;
  }

  public boolean isShuffleOptions() {
    return shuffleOptions;
  }

  public void setShuffleOptions(boolean shuffleOptions) {
    this.shuffleOptions = shuffleOptions;
  }
}
