package io.kursfilm.quiz.boundary;

import java.time.Instant;
import java.util.List;

/**
 * Who of the tenant's active employees completed a video's quiz, as tenant admins see it: by name,
 * whatever the anonymisation of results, because completion of mandatory training must be provable
 * per person. It carries no score, no attempt count and no difference between failed and never
 * attempted, so nothing of the results can be read off it.
 *
 * @param quizVersions how many quiz versions the video has had (a pass of any of them counts)
 * @param completed how many of the rows have completed
 */
public record VideoCompletion(
    String videoId, String title, int quizVersions, int completed, List<Row> rows) {

  /**
   * One employee.
   *
   * @param completedAt when the passed counting attempt was submitted; null when not completed
   * @param quizNumber the quiz version passed; null when not completed
   */
  public record Row(
      String userId, String name, boolean completed, Instant completedAt, Integer quizNumber) {}

  /** A video that has a quiz, to choose from. */
  public record Video(String videoId, String title, int quizVersions) {}
}
