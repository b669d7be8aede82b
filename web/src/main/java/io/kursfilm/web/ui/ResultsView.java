package io.kursfilm.web.ui;

import io.kursfilm.quiz.boundary.QuizResults;
import io.kursfilm.quiz.boundary.QuizVersion;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A quiz's results as the trainer's results page shows them: plain serialisable getters (JSF EL
 * cannot read records), bars sized relative to the largest value so the shape is visible, and every
 * number also as text.
 */
public final class ResultsView implements Serializable {

  private static final long serialVersionUID = 1L;

  private final String quizId;
  private final int number;
  private final boolean anonymised;
  private final String anonymiseChangedAt;
  private final int minGroup;
  private final int participants;
  private final int passed;
  private final Integer passRate;
  private final List<Band> bands = new ArrayList<>();
  private final List<Difficulty> difficulty = new ArrayList<>();
  private final List<Row> rows = new ArrayList<>();

  ResultsView(QuizResults results, List<String> questions) {
    this.quizId = results.quizId();
    this.number = results.number();
    this.anonymised = results.anonymised();
    this.anonymiseChangedAt =
        results.anonymiseChangedAt() == null ? null : Times.when(results.anonymiseChangedAt());
    this.minGroup = results.minGroup();
    this.participants = results.participants();
    this.passed = results.passed();
    this.passRate = results.passRate();
    if (results.distribution() != null) {
      int most = Math.max(1, Collections.max(results.distribution()));
      for (int i = 0; i < results.distribution().size(); i++) {
        int count = results.distribution().get(i);
        String label = i * 10 + "–" + (i == 9 ? 100 : i * 10 + 9);
        bands.add(new Band(label, count, count * 100 / most));
      }
    }
    if (results.difficulty() != null) {
      for (int i = 0; i < results.difficulty().size(); i++) {
        String text = questions != null && i < questions.size() ? questions.get(i) : "";
        difficulty.add(new Difficulty(i + 1, text, results.difficulty().get(i)));
      }
    }
    results.rows().forEach(r -> rows.add(new Row(r)));
  }

  public String getQuizId() {
    return quizId;
  }

  public int getNumber() {
    return number;
  }

  public boolean isAnonymised() {
    return anonymised;
  }

  /** When anonymisation was last switched (on if it is on now, else off); null: never. */
  public String getAnonymiseChangedAt() {
    return anonymiseChangedAt;
  }

  public int getMinGroup() {
    return minGroup;
  }

  public int getParticipants() {
    return participants;
  }

  public int getPassed() {
    return passed;
  }

  /** Null when withheld (fewer than {@link #getMinGroup()} participants). */
  public Integer getPassRate() {
    return passRate;
  }

  public boolean isWithheld() {
    return passRate == null;
  }

  public List<Band> getBands() {
    return bands;
  }

  public List<Difficulty> getDifficulty() {
    return difficulty;
  }

  public List<Row> getRows() {
    return rows;
  }

  /** Participants whose counting score fell into one band of ten points. */
  public static final class Band implements Serializable {
    private static final long serialVersionUID = 1L;
    private final String label;
    private final int count;
    private final int width;

    Band(String label, int count, int width) {
      this.label = label;
      this.count = count;
      this.width = width;
    }

    public String getLabel() {
      return label;
    }

    public int getCount() {
      return count;
    }

    /** Bar length in percent of the fullest band. */
    public int getWidth() {
      return width;
    }
  }

  /** One question, in stored order, with the percent of participants who got it right. */
  public static final class Difficulty implements Serializable {
    private static final long serialVersionUID = 1L;
    private final int number;
    private final String text;
    private final int percentRight;

    Difficulty(int number, String text, int percentRight) {
      this.number = number;
      this.text = text;
      this.percentRight = percentRight;
    }

    public int getNumber() {
      return number;
    }

    public String getText() {
      return text;
    }

    public int getPercentRight() {
      return percentRight;
    }
  }

  /** One participant's counting attempt. */
  public static final class Row implements Serializable {
    private static final long serialVersionUID = 1L;
    private final String participant;
    private final int attempts;
    private final int score;
    private final boolean passed;
    private final String lastAttempt;

    Row(QuizResults.Row row) {
      this.participant = row.participant();
      this.attempts = row.attempts();
      this.score = row.score();
      this.passed = row.passed();
      this.lastAttempt = Times.when(row.lastAttemptAt());
    }

    public String getParticipant() {
      return participant;
    }

    public int getAttempts() {
      return attempts;
    }

    public int getScore() {
      return score;
    }

    public boolean isPassed() {
      return passed;
    }

    /** To the minute; sorts as text in time order. */
    public String getLastAttempt() {
      return lastAttempt;
    }
  }

  /** A quiz version to choose, marked when it is the one shown. */
  public static final class Version implements Serializable {
    private static final long serialVersionUID = 1L;
    private final String id;
    private final int number;
    private final boolean published;
    private final boolean shown;

    Version(QuizVersion version, String shownId) {
      this.id = version.id();
      this.number = version.number();
      this.published = version.published();
      this.shown = version.id().equals(shownId);
    }

    public String getId() {
      return id;
    }

    public int getNumber() {
      return number;
    }

    public boolean isPublished() {
      return published;
    }

    public boolean isShown() {
      return shown;
    }
  }
}
