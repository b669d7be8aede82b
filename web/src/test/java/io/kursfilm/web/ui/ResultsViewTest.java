package io.kursfilm.web.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kursfilm.quiz.boundary.QuizResults;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultsViewTest {

  private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

  private static QuizResults results(Integer passRate, List<Integer> bands, List<Integer> right) {
    return new QuizResults(
        "q",
        "v",
        1,
        false,
        null,
        5,
        6,
        4,
        passRate,
        bands,
        right,
        List.of(new QuizResults.Row("Ann", "u1", 2, 80, true, T0)));
  }

  @Test
  void bars_are_sized_against_the_fullest_band_and_keep_their_numbers() {
    ResultsView view =
        new ResultsView(
            results(66, List.of(0, 0, 0, 0, 0, 1, 0, 2, 0, 3), List.of(50, 100)),
            List.of("Where?", "When?"));
    assertEquals(10, view.getBands().size());
    assertEquals("90–100", view.getBands().get(9).getLabel());
    assertEquals(100, view.getBands().get(9).getWidth());
    assertEquals(66, view.getBands().get(7).getWidth());
    assertEquals(2, view.getBands().get(7).getCount());
    assertEquals("When?", view.getDifficulty().get(1).getText());
    assertEquals(100, view.getDifficulty().get(1).getPercentRight());
  }

  @Test
  void withheld_aggregates_show_no_bars_but_the_rows() {
    ResultsView view = new ResultsView(results(null, null, null), List.of());
    assertTrue(view.isWithheld());
    assertTrue(view.getBands().isEmpty());
    assertTrue(view.getDifficulty().isEmpty());
    assertEquals("Ann", view.getRows().get(0).getParticipant());
    assertEquals(80, view.getRows().get(0).getScore());
  }
}
