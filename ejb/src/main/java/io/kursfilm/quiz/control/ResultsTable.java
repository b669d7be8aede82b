package io.kursfilm.quiz.control;

import io.kursfilm.quiz.boundary.CountingRule;
import io.kursfilm.quiz.boundary.QuizDefinition;
import io.kursfilm.quiz.entity.QuizAttempt;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The submitted attempts of a quiz reduced to one counting attempt per participant, and the
 * aggregates over them. Pure: names, pseudonyms and withholding are the boundary's.
 */
public final class ResultsTable {

  /** One participant's counting attempt. */
  public record Entry(String userId, int attempts, QuizAttempt counting, Instant lastAttemptAt) {}

  private ResultsTable() {}

  /** One entry per participant, in the order their first attempt was stored. */
  public static List<Entry> entries(List<QuizAttempt> submitted, CountingRule rule) {
    Map<String, List<QuizAttempt>> byUser = new LinkedHashMap<>();
    for (QuizAttempt a : submitted) {
      byUser.computeIfAbsent(a.userId(), u -> new ArrayList<>()).add(a);
    }
    List<Entry> entries = new ArrayList<>();
    byUser.forEach(
        (user, attempts) -> {
          int countingNumber =
              QuizScoring.counting(
                      rule,
                      attempts.stream()
                          .map(a -> new QuizScoring.Scored(a.number(), a.score().orElse(0)))
                          .toList())
                  .orElseThrow()
                  .number();
          QuizAttempt counting =
              attempts.stream().filter(a -> a.number() == countingNumber).findFirst().orElseThrow();
          Instant last =
              attempts.stream()
                  .map(a -> a.submittedAt().orElse(a.startedAt()))
                  .max(Comparator.naturalOrder())
                  .orElseThrow();
          entries.add(new Entry(user, attempts.size(), counting, last));
        });
    return entries;
  }

  /** Participants per score band of ten (100 falls into the last). */
  public static List<Integer> distribution(List<Entry> entries) {
    int[] bands = new int[10];
    for (Entry e : entries) {
      bands[Math.min(9, e.counting().score().orElse(0) / 10)]++;
    }
    return java.util.Arrays.stream(bands).boxed().toList();
  }

  /** Per question, percent of participants whose counting attempt got it right. */
  public static List<Integer> difficulty(List<Entry> entries, QuizDefinition quiz) {
    int questions = quiz.questions().size();
    int[] right = new int[questions];
    for (Entry e : entries) {
      List<List<Integer>> answers =
          e.counting().answersJson().map(QuizCodec::answers).orElse(List.of());
      for (int i = 0; i < Math.min(questions, answers.size()); i++) {
        if (!answers.get(i).isEmpty()
            && QuizScoring.isRight(i, quiz.questions().get(i), answers.get(i))) {
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
