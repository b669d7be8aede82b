package io.kursfilm.quiz.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kursfilm.quiz.boundary.CountingRule;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompletionTableTest {

  private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

  private static SubmittedAttempt attempt(String user, int number, boolean passed, int minute) {
    return new SubmittedAttempt(
        user + "-" + number, user, number, passed ? 100 : 0, passed, at(minute), null);
  }

  private static Instant at(int minute) {
    return T0.plusSeconds(60L * minute);
  }

  @Test
  void the_counting_attempt_decides_not_any_passed_attempt() {
    List<SubmittedAttempt> tries = List.of(attempt("ann", 1, true, 1), attempt("ann", 2, false, 2));
    assertTrue(
        CompletionTable.completed(List.of(new CompletionTable.Version(1, CountingRule.LAST, tries)))
            .isEmpty(),
        "the last attempt counts and failed");
    Map<String, CompletionTable.Completed> best =
        CompletionTable.completed(
            List.of(new CompletionTable.Version(1, CountingRule.BEST, tries)));
    assertEquals(new CompletionTable.Completed(1, at(1)), best.get("ann"));
  }

  @Test
  void a_pass_of_any_version_counts_and_the_earliest_completion_is_kept() {
    Map<String, CompletionTable.Completed> done =
        CompletionTable.completed(
            List.of(
                new CompletionTable.Version(
                    1,
                    CountingRule.FIRST,
                    List.of(attempt("ann", 1, false, 1), attempt("bob", 1, true, 2))),
                new CompletionTable.Version(
                    2,
                    CountingRule.FIRST,
                    List.of(attempt("ann", 1, true, 5), attempt("bob", 1, true, 6)))));
    assertEquals(new CompletionTable.Completed(2, at(5)), done.get("ann"));
    assertEquals(new CompletionTable.Completed(1, at(2)), done.get("bob"));
  }

  @Test
  void nobody_without_an_attempt_or_with_only_failed_ones_has_completed() {
    Map<String, CompletionTable.Completed> done =
        CompletionTable.completed(
            List.of(
                new CompletionTable.Version(
                    1, CountingRule.BEST, List.of(attempt("cem", 1, false, 1)))));
    assertFalse(done.containsKey("cem"));
    assertFalse(done.containsKey("dora"));
  }
}
