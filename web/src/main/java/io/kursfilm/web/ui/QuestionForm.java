package io.kursfilm.web.ui;

import io.kursfilm.quiz.boundary.Question;
import io.kursfilm.quiz.boundary.QuestionType;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One question as the quiz editor edits it: its type by name, the in-video time as typed ({@code
 * m:ss} or seconds) and its options in order. Also what the quiz summary shows.
 */
public final class QuestionForm implements Serializable {

  private static final long serialVersionUID = 1L;

  private String type;
  private String text;
  private String at;
  private boolean mandatory;
  private final List<OptionForm> options = new ArrayList<>();

  QuestionForm(QuestionType type) {
    this.type = type.name();
  }

  static QuestionForm of(Question q) {
    QuestionForm form = new QuestionForm(q.type());
    form.text = q.text();
    form.at = q.atSecond() == null ? null : Times.clock(q.atSecond());
    form.mandatory = q.mandatory();
    q.options().forEach(o -> form.options.add(OptionForm.of(o)));
    return form;
  }

  /**
   * The question for the boundary; {@code at} names it in problems, as the boundary does.
   *
   * @throws IllegalArgumentException when the time is neither {@code m:ss} nor seconds
   */
  Question toQuestion(String at) {
    Integer atSecond;
    try {
      atSecond = Times.seconds(this.at);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(at + ".atSecond: m:ss or seconds", e);
    }
    boolean ordering = QuestionType.ORDERING.name().equals(type);
    return new Question(
        type == null ? null : QuestionType.valueOf(type),
        OptionForm.blankToNull(text),
        options.stream().map(o -> o.toOption(ordering)).toList(),
        atSecond,
        mandatory);
  }

  /**
   * Gives a true/false question its two options, named {@code yes} and {@code no}, unless it has
   * two with text already: switching the type keeps what the trainer wrote where it still fits.
   */
  void fitOptions(String yes, String no) {
    if (!QuestionType.TRUE_FALSE.name().equals(type)) {
      while (options.size() < 2) {
        options.add(new OptionForm(null, false, null));
      }
      return;
    }
    if (options.size() != 2 || options.stream().anyMatch(OptionForm::isBlank)) {
      options.clear();
      options.add(new OptionForm(yes, false, null));
      options.add(new OptionForm(no, false, null));
    }
  }

  void addOption() {
    options.add(new OptionForm(null, false, null));
  }

  void removeOption(int index) {
    options.remove(index);
  }

  /** Moves the option at {@code index} one place up ({@code by} -1) or down (+1), if it can. */
  void moveOption(int index, int by) {
    swap(options, index, by);
  }

  static <T> void swap(List<T> list, int index, int by) {
    int other = index + by;
    if (index >= 0 && index < list.size() && other >= 0 && other < list.size()) {
      Collections.swap(list, index, other);
    }
  }

  /** A {@link QuestionType} name. */
  public String getType() {
    return type;
  }

  public void setType(String type) {
    this.type = type;
  }

  public boolean isTrueFalse() {
    return QuestionType.TRUE_FALSE.name().equals(type);
  }

  public boolean isOrdering() {
    return QuestionType.ORDERING.name().equals(type);
  }

  public String getText() {
    return text;
  }

  public void setText(String text) {
    this.text = text;
  }

  /** When the player asks it, as typed; blank: after the video. */
  public String getAt() {
    return at;
  }

  public void setAt(String at) {
    this.at = at;
  }

  public boolean isInVideo() {
    return at != null && !at.isBlank();
  }

  public boolean isMandatory() {
    return mandatory;
  }

  public void setMandatory(boolean mandatory) {
    this.mandatory = mandatory;
  }

  public List<OptionForm> getOptions() {
    return options;
  }
}
