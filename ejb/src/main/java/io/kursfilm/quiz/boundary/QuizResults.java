package io.kursfilm.quiz.boundary;

import java.time.Instant;
import java.util.List;

/**
 * The results of one quiz as its trainers see them. With the tenant's anonymisation on, people
 * appear as stable pseudonyms and no id; aggregates over fewer than {@code minGroup} participants
 * are withheld (null), so a small group's scores cannot be read off them.
 *
 * @param passRate percent of participants whose counting attempt passed
 * @param distribution participants per score band 0-9, 10-19, ..., 90-100
 * @param difficulty per question (stored order), percent of participants who got it right
 * @param anonymiseChangedAt when the tenant last switched anonymisation on or off (null: never), so
 *     trainers see that names were shown, or hidden, from then on
 */
public record QuizResults(
    String quizId,
    String videoId,
    int number,
    boolean anonymised,
    java.time.Instant anonymiseChangedAt,
    int minGroup,
    int participants,
    int passed,
    Integer passRate,
    List<Integer> distribution,
    List<Integer> difficulty,
    List<Row> rows) {

  /**
   * One participant's result: their counting attempt under the quiz's rule.
   *
   * @param participant display name, or the pseudonym when anonymised
   * @param userId null when anonymised
   */
  public record Row(
      String participant,
      String userId,
      int attempts,
      int score,
      boolean passed,
      Instant lastAttemptAt) {}
}
