package io.kursfilm.learning.control;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The stretches of a video a player reports as really played, checked and merged. Checked strictly
 * (a reversed, negative, non-finite or out-of-range interval is a broken or forged client, refused
 * whole); overlaps are normal (a report repeats the edge of the one before) and merged.
 */
public final class Intervals {

  /** Seconds a reported end may pass the stored duration (rounded down to whole seconds). */
  static final double SLACK_SECONDS = 1.0;

  private Intervals() {}

  /** One played stretch, {@code from <= to}, in seconds of the video. */
  public record Interval(double from, double to) {
    public double length() {
      return to - from;
    }
  }

  /**
   * The reported pairs as intervals of a video of {@code durationSeconds}.
   *
   * @throws IllegalArgumentException naming the first pair that is not acceptable, or when there
   *     are more than {@code max}
   */
  public static List<Interval> of(List<List<Double>> pairs, double durationSeconds, int max) {
    if (pairs == null) {
      throw new IllegalArgumentException("intervals: required, [[fromSecond, toSecond], …]");
    }
    if (pairs.size() > max) {
      throw new IllegalArgumentException("intervals: at most " + max + " per report");
    }
    List<Interval> intervals = new ArrayList<>(pairs.size());
    for (int i = 0; i < pairs.size(); i++) {
      List<Double> pair = pairs.get(i);
      String name = "intervals[" + i + "]";
      if (pair == null || pair.size() != 2 || pair.get(0) == null || pair.get(1) == null) {
        throw new IllegalArgumentException(name + ": two numbers [fromSecond, toSecond]");
      }
      double from = pair.get(0);
      double to = pair.get(1);
      if (!Double.isFinite(from) || !Double.isFinite(to) || from < 0) {
        throw new IllegalArgumentException(name + ": finite seconds from 0");
      }
      if (to < from) {
        throw new IllegalArgumentException(name + ": reversed (to before from)");
      }
      if (to > durationSeconds + SLACK_SECONDS) {
        throw new IllegalArgumentException(
            name + ": beyond the end of the video (" + (long) durationSeconds + " s)");
      }
      intervals.add(new Interval(from, Math.min(to, durationSeconds)));
    }
    return merge(intervals);
  }

  /** The union of {@code intervals} as disjoint intervals in order (touching ones joined). */
  public static List<Interval> merge(List<Interval> intervals) {
    List<Interval> sorted = new ArrayList<>(intervals);
    sorted.sort(Comparator.comparingDouble(Interval::from));
    List<Interval> merged = new ArrayList<>();
    for (Interval next : sorted) {
      if (!merged.isEmpty() && next.from() <= merged.get(merged.size() - 1).to()) {
        Interval last = merged.remove(merged.size() - 1);
        merged.add(new Interval(last.from(), Math.max(last.to(), next.to())));
      } else {
        merged.add(next);
      }
    }
    return merged;
  }
}
