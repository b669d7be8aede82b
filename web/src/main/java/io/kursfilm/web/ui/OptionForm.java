package io.kursfilm.web.ui;

import io.kursfilm.quiz.boundary.Option;
import java.io.Serializable;

/** One answer option as the quiz editor edits it and the quiz summary shows it. */
public final class OptionForm implements Serializable {

  private static final long serialVersionUID = 1L;

  private String text;
  private boolean correct;
  private String feedback;

  OptionForm(String text, boolean correct, String feedback) {
    this.text = text;
    this.correct = correct;
    this.feedback = feedback;
  }

  static OptionForm of(Option option) {
    return new OptionForm(option.text(), option.correct(), option.feedback());
  }

  /** Blank texts are sent as null: the boundary tells "required" from "too long" by it. */
  Option toOption(boolean ordering) {
    return new Option(blankToNull(text), !ordering && correct, blankToNull(feedback));
  }

  static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  boolean isBlank() {
    return blankToNull(text) == null;
  }

  public String getText() {
    return text;
  }

  public void setText(String text) {
    this.text = text;
  }

  /** Whether this option is a right answer; unused for ordering questions. */
  public boolean isCorrect() {
    return correct;
  }

  public void setCorrect(boolean correct) {
    this.correct = correct;
  }

  /** What the employee reads after answering when they chose this option. */
  public String getFeedback() {
    return feedback;
  }

  public void setFeedback(String feedback) {
    this.feedback = feedback;
  }
}
