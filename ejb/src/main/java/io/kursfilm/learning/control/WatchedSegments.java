package io.kursfilm.learning.control;

import java.util.Base64;
import java.util.BitSet;
import java.util.List;

/**
 * Which fixed-length segments of one video version a person has watched: a bitmap, so repeated and
 * overlapping reports count once and only what was played counts, never where the player jumped to.
 * A segment counts once reported intervals cover at least half of it (so an interval split between
 * two reports at any point still counts the segment it was split in).
 */
public final class WatchedSegments {

  /** Length of a segment. Short enough that skipping any few seconds shows. */
  public static final double SEGMENT_SECONDS = 1.0;

  /** At most 24 h of video is tracked (a 3 KB bitmap); longer videos count their first 24 h. */
  public static final int MAX_SEGMENTS = 86_400;

  private final int count;
  private final BitSet watched;

  private WatchedSegments(int count, BitSet watched) {
    this.count = count;
    this.watched = watched;
  }

  /** No segment watched of a video of {@code durationSeconds}. */
  public static WatchedSegments none(double durationSeconds) {
    return new WatchedSegments(segmentsOf(durationSeconds), new BitSet());
  }

  /** Segments as {@link #encoded()} wrote them for a video of that many segments. */
  public static WatchedSegments decode(int count, String encoded) {
    BitSet bits = BitSet.valueOf(Base64.getDecoder().decode(encoded));
    if (bits.length() > count) {
      bits.clear(count, bits.length());
    }
    return new WatchedSegments(count, bits);
  }

  static int segmentsOf(double durationSeconds) {
    return (int) Math.max(1, Math.min(MAX_SEGMENTS, Math.ceil(durationSeconds / SEGMENT_SECONDS)));
  }

  /** Marks the segments that {@code merged} (disjoint, in order) cover at least half of. */
  public WatchedSegments mark(List<Intervals.Interval> merged, double durationSeconds) {
    double[] covered = new double[count];
    for (Intervals.Interval interval : merged) {
      int first = (int) Math.floor(interval.from() / SEGMENT_SECONDS);
      int last = (int) Math.min(count - 1, Math.floor(interval.to() / SEGMENT_SECONDS));
      for (int i = first; i <= last; i++) {
        double start = i * SEGMENT_SECONDS;
        double end = start + SEGMENT_SECONDS;
        covered[i] += Math.max(0, Math.min(end, interval.to()) - Math.max(start, interval.from()));
      }
    }
    for (int i = 0; i < count; i++) {
      double start = i * SEGMENT_SECONDS;
      double length = Math.min(SEGMENT_SECONDS, Math.max(durationSeconds - start, 0));
      if (length <= 0) {
        length = SEGMENT_SECONDS;
      }
      if (covered[i] > 0 && covered[i] >= length / 2) {
        watched.set(i);
      }
    }
    return this;
  }

  /** Share of the segments watched, 0 to 1. */
  public double share() {
    return (double) watched.cardinality() / count;
  }

  public int count() {
    return count;
  }

  public String encoded() {
    return Base64.getEncoder().encodeToString(watched.toByteArray());
  }
}
