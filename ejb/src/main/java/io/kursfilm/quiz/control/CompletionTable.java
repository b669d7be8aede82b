package io.kursfilm.quiz.control;

import io.kursfilm.quiz.boundary.CountingRule;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Who completed a video's quiz: a person has completed it when their counting attempt at any of its
 * versions passed. Pure, like {@link ResultsTable}, whose counting rule it applies per version.
 */
public final class CompletionTable {

  /** One quiz version of the video with its rule and its submitted attempts. */
  public record Version(int number, CountingRule counting, List<SubmittedAttempt> submitted) {}

  /**
   * A person's completion: the version whose counting attempt passed and when that attempt was
   * submitted.
   */
  public record Completed(int quizNumber, Instant at) {}

  // Of two passed versions the earlier completion is the proof; the same instant: the older
  // version.
  private static final Comparator<Completed> EARLIEST =
      Comparator.comparing(Completed::at).thenComparingInt(Completed::quizNumber);

  private CompletionTable() {}

  /** The completions by user id; people without a passed counting attempt are not in it. */
  public static Map<String, Completed> completed(List<Version> versions) {
    Map<String, Completed> done = new HashMap<>();
    for (Version version : versions) {
      for (ResultsTable.Entry e : ResultsTable.entries(version.submitted(), version.counting())) {
        if (e.counting().passed()) {
          Completed completed = new Completed(version.number(), e.counting().submittedAt());
          done.merge(e.userId(), completed, (a, b) -> EARLIEST.compare(a, b) <= 0 ? a : b);
        }
      }
    }
    return done;
  }
}
