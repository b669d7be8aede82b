package io.kursfilm.learning.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompletionRuleTest {

  private static final double DURATION = 100;

  @Test
  void seeking_to_the_end_does_not_complete() {
    // The player reports what played: a few seconds at the start, then the last seconds after
    // the jump; the position at the end counts for nothing.
    double share = watched(List.of(List.of(0.0, 4.0), List.of(97.0, 100.0)));
    assertEquals(0.07, share, 1e-9);
    assertFalse(CompletionRule.completes(share, false, false));
  }

  @Test
  void ninety_percent_made_of_scattered_intervals_completes() {
    List<List<Double>> scattered = new ArrayList<>();
    // Ten stretches of nine seconds each, one second skipped in every ten, reported out of order.
    for (int start = 90; start >= 0; start -= 10) {
      scattered.add(List.of((double) start, start + 9.0));
    }
    double share = watched(scattered);
    assertEquals(0.9, share, 1e-9);
    assertTrue(CompletionRule.completes(share, false, false));
  }

  @Test
  void eighty_nine_percent_does_not_complete() {
    double share = watched(List.of(List.of(0.0, 89.0)));
    assertEquals(0.89, share, 1e-9);
    assertFalse(CompletionRule.completes(share, false, false));
  }

  @Test
  void a_video_with_a_quiz_completes_only_with_the_quiz_passed() {
    assertFalse(CompletionRule.completes(1.0, true, false));
    assertTrue(CompletionRule.completes(0.95, true, true));
    assertFalse(CompletionRule.completes(0.5, true, true), "a pass alone is not a watch");
  }

  @Test
  void watching_the_same_stretch_again_counts_once() {
    WatchedSegments segments = WatchedSegments.none(DURATION);
    for (int i = 0; i < 20; i++) {
      segments.mark(Intervals.of(List.of(List.of(0.0, 10.0)), DURATION, 10), DURATION);
    }
    assertEquals(0.1, segments.share(), 1e-9);
  }

  @Test
  void a_segment_split_between_two_reports_counts() {
    WatchedSegments segments = WatchedSegments.none(DURATION);
    segments.mark(Intervals.of(List.of(List.of(0.0, 10.3)), DURATION, 10), DURATION);
    segments.mark(Intervals.of(List.of(List.of(10.3, 20.0)), DURATION, 10), DURATION);
    assertEquals(0.2, segments.share(), 1e-9);
  }

  @Test
  void segments_survive_encoding() {
    WatchedSegments segments =
        WatchedSegments.none(DURATION)
            .mark(Intervals.of(List.of(List.of(3.0, 40.0)), DURATION, 10), DURATION);
    WatchedSegments again = WatchedSegments.decode(segments.count(), segments.encoded());
    assertEquals(segments.share(), again.share(), 1e-9);
    assertEquals(0.0, WatchedSegments.decode(100, "").share(), 1e-9);
  }

  @Test
  void overlapping_intervals_are_merged() {
    List<Intervals.Interval> merged =
        Intervals.of(
            List.of(
                List.of(5.0, 12.0), List.of(0.0, 6.0), List.of(12.0, 13.0), List.of(20.0, 21.0)),
            DURATION,
            10);
    assertEquals(List.of(new Intervals.Interval(0, 13), new Intervals.Interval(20, 21)), merged);
  }

  @Test
  void reversed_negative_non_finite_and_too_long_intervals_are_refused() {
    assertThrows(IllegalArgumentException.class, () -> of(List.of(List.of(10.0, 5.0))));
    assertThrows(IllegalArgumentException.class, () -> of(List.of(List.of(-1.0, 5.0))));
    assertThrows(IllegalArgumentException.class, () -> of(List.of(List.of(Double.NaN, 5.0))));
    assertThrows(
        IllegalArgumentException.class, () -> of(List.of(List.of(0.0, Double.POSITIVE_INFINITY))));
    assertThrows(IllegalArgumentException.class, () -> of(List.of(List.of(0.0, 102.0))));
    assertThrows(IllegalArgumentException.class, () -> of(List.of(List.of(1.0))));
    assertThrows(IllegalArgumentException.class, () -> of(null));
    List<List<Double>> many = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      many.add(List.of((double) i, i + 0.5));
    }
    assertThrows(IllegalArgumentException.class, () -> of(many));
    assertEquals(1, of(List.of(List.of(99.0, 100.8))).size(), "a rounded duration has slack");
  }

  private static List<Intervals.Interval> of(List<List<Double>> pairs) {
    return Intervals.of(pairs, DURATION, 10);
  }

  private static double watched(List<List<Double>> pairs) {
    return WatchedSegments.none(DURATION)
        .mark(Intervals.of(pairs, DURATION, 100), DURATION)
        .share();
  }
}
