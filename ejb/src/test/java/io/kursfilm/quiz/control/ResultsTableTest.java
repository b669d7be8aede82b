package io.kursfilm.quiz.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kursfilm.quiz.boundary.CountingRule;
import io.kursfilm.quiz.boundary.Option;
import io.kursfilm.quiz.boundary.Question;
import io.kursfilm.quiz.boundary.QuestionType;
import io.kursfilm.quiz.boundary.QuizDefinition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResultsTableTest {

  private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

  private static final QuizDefinition QUIZ =
      new QuizDefinition(
          List.of(
              new Question(
                  QuestionType.SINGLE_CHOICE,
                  "Which?",
                  List.of(new Option("a", false, null), new Option("b", true, null)),
                  null,
                  false),
              new Question(
                  QuestionType.TRUE_FALSE,
                  "True?",
                  List.of(new Option("true", true, null), new Option("false", false, null)),
                  null,
                  false)),
          50,
          3,
          CountingRule.BEST,
          false,
          false);

  private static SubmittedAttempt attempt(String user, int number, int score, int minute) {
    return new SubmittedAttempt(
        user + "-" + number, user, number, score, score >= 50, T0.plusSeconds(60L * minute), "s");
  }

  @Test
  void each_participant_gets_one_entry_with_the_counting_attempt_in_first_attempt_order() {
    List<SubmittedAttempt> submitted =
        List.of(
            attempt("bea", 1, 50, 1),
            attempt("bea", 2, 100, 9),
            attempt("bea", 3, 0, 5),
            attempt("al", 1, 0, 2));

    List<ResultsTable.Entry> best = ResultsTable.entries(submitted, CountingRule.BEST);
    assertEquals(List.of("bea", "al"), best.stream().map(ResultsTable.Entry::userId).toList());
    assertEquals(2, best.get(0).counting().number());
    assertEquals(3, best.get(0).attempts());
    assertEquals(T0.plusSeconds(60L * 9), best.get(0).lastAttemptAt(), "the latest submission");
    assertEquals(3, ResultsTable.entries(submitted, CountingRule.LAST).get(0).counting().number());
    assertEquals(1, ResultsTable.entries(submitted, CountingRule.FIRST).get(0).counting().number());
  }

  @Test
  void a_score_of_100_falls_into_the_last_band() {
    List<ResultsTable.Entry> entries =
        ResultsTable.entries(
            List.of(attempt("a", 1, 100, 0), attempt("b", 1, 95, 0), attempt("c", 1, 0, 0)),
            CountingRule.BEST);
    assertEquals(List.of(1, 0, 0, 0, 0, 0, 0, 0, 0, 2), ResultsTable.distribution(entries));
  }

  @Test
  void difficulty_opens_only_the_counting_attempts_and_counts_unanswered_as_wrong() {
    Map<String, List<List<Integer>>> answers =
        Map.of(
            "bea-1", List.of(List.of(1), List.of(1)),
            "bea-2", List.of(List.of(1), List.of(0)),
            "al-1", List.of(List.of(0), List.of()));
    List<ResultsTable.Entry> entries =
        ResultsTable.entries(
            List.of(attempt("bea", 1, 50, 0), attempt("bea", 2, 100, 1), attempt("al", 1, 0, 0)),
            CountingRule.BEST);
    List<String> opened = new ArrayList<>();

    List<Integer> difficulty =
        ResultsTable.difficulty(
            entries,
            QUIZ,
            a -> {
              opened.add(a.id());
              return answers.get(a.id());
            });

    assertEquals(List.of(50, 50), difficulty);
    assertEquals(List.of("bea-2", "al-1"), opened);
  }
}
