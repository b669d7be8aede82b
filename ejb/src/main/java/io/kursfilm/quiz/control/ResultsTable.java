package io.kursfilm.quiz.control;

import io.kursfilm.quiz.boundary.CountingRule;
import io.kursfilm.quiz.boundary.QuizDefinition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The submitted attempts of a quiz reduced to one counting attempt per participant, and the
 * aggregates over them. Pure: names, pseudonyms, opening answers and withholding are the
 * boundary's.
 */
public final class ResultsTable {

  /** One participant's counting attempt. */
  public record Entry(
      String userId, int attempts, SubmittedAttempt counting, Instant lastAttemptAt) {}

  private ResultsTable() {}

  /** One entry per participant, in the order of their first attempt in {@code submitted}. */
  public static List<Entry> entries(List<SubmittedAttempt> submitted, CountingRule rule) {
    Map<String, List<SubmittedAttempt>> byUser = new LinkedHashMap<>();
    for (SubmittedAttempt a : submitted) {
      byUser.computeIfAbsent(a.userId(), u -> new ArrayList<>()).add(a);
    }
    return byUser.values().stream().map(attempts -> entry(attempts, rule)).toList();
  }

  private static Entry entry(List<SubmittedAttempt> attempts, CountingRule rule) {
    int countingNumber =
        QuizScoring.counting(
                rule,
                attempts.stream().map(a -> new QuizScoring.Scored(a.number(), a.score())).toList())
            .orElseThrow()
            .number();
    SubmittedAttempt counting =
        attempts.stream().filter(a -> a.number() == countingNumber).findFirst().orElseThrow();
    Instant last =
        attempts.stream().map(SubmittedAttempt::submittedAt).max(Instant::compareTo).orElseThrow();
    return new Entry(counting.userId(), attempts.size(), counting, last);
  }

  /** Participants per score band of ten (100 falls into the last). */
  public static List<Integer> distribution(List<Entry> entries) {
    int[] bands = new int[10];
    for (Entry e : entries) {
      bands[Math.min(9, e.counting().score() / 10)]++;
    }
    return java.util.Arrays.stream(bands).boxed().toList();
  }

  /**
   * Per question, percent of participants whose counting attempt got it right; {@code answers}
   * opens an attempt's answers (only the counting attempts are opened).
   */
  public static List<Integer> difficulty(
      List<Entry> entries,
      QuizDefinition quiz,
      Function<SubmittedAttempt, List<List<Integer>>> answers) {
    int questions = quiz.questions().size();
    int[] right = new int[questions];
    for (Entry e : entries) {
      List<List<Integer>> given = answers.apply(e.counting());
      for (int i = 0; i < Math.min(questions, given.size()); i++) {
        if (!given.get(i).isEmpty()
            && QuizScoring.isRight(i, quiz.questions().get(i), given.get(i))) {
          right[i]++;
        }
      }
    }
    List<Integer> percent = new ArrayList<>();
    for (int r : right) {
      percent.add(entries.isEmpty() ? 0 : r * 100 / entries.size());
    }
    return percent;
  }
}
