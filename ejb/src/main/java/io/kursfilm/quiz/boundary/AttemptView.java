package io.kursfilm.quiz.boundary;

import java.time.Instant;
import java.util.List;

/**
 * An attempt as its employee sees it: the answers given so far and, for each answered question,
 * whether it was right with the feedback of the chosen options; the score once submitted.
 */
public record AttemptView(
    String id,
    int number,
    boolean submitted,
    Integer score,
    Boolean passed,
    List<List<Integer>> answers,
    List<Feedback> feedback,
    Instant startedAt,
    Instant submittedAt) {

  /** What an employee learns about one answered question. */
  public record Feedback(int question, boolean right, List<String> feedback) {}
}
