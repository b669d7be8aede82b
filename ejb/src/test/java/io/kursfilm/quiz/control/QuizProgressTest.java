package io.kursfilm.quiz.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kursfilm.quiz.boundary.CountingRule;
import io.kursfilm.quiz.boundary.QuizStatus;
import io.kursfilm.quiz.control.QuizProgress.Attempt;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuizProgressTest {

  private static final Attempt FAILED_FIRST = new Attempt(1, 40, true);
  private static final Attempt PASSED_SECOND = new Attempt(2, 90, true);

  @Test
  void without_attempts_the_quiz_is_not_started() {
    assertEquals(QuizStatus.NOT_STARTED, QuizProgress.status(CountingRule.BEST, 80, List.of()));
  }

  @Test
  void an_open_attempt_is_in_progress_whatever_came_before() {
    assertEquals(
        QuizStatus.IN_PROGRESS,
        QuizProgress.status(
            CountingRule.BEST, 80, List.of(PASSED_SECOND, new Attempt(3, null, false))));
  }

  @Test
  void the_attempt_that_counts_decides_against_the_pass_mark() {
    List<Attempt> both = List.of(FAILED_FIRST, PASSED_SECOND);
    assertEquals(QuizStatus.PASSED, QuizProgress.status(CountingRule.BEST, 80, both));
    assertEquals(QuizStatus.PASSED, QuizProgress.status(CountingRule.LAST, 80, both));
    assertEquals(QuizStatus.FAILED, QuizProgress.status(CountingRule.FIRST, 80, both));
    assertEquals(QuizStatus.PASSED, QuizProgress.status(CountingRule.FIRST, 40, both));
  }
}
