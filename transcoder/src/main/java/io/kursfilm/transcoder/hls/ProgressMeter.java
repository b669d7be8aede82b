package io.kursfilm.transcoder.hls;

import java.time.Duration;

/**
 * Turns the stages of a transcode into one monotonic percentage: the ladder run is 0–95 % by
 * ffmpeg's output time against the input's duration (its segments are handed over meanwhile); the
 * checks, the storyboard and handing over the small files take the rest, and 100 % is only reported
 * on success.
 */
final class ProgressMeter {

  static final int LADDER_DONE = 95;

  private final ProgressListener listener;
  private int last = -1;

  ProgressMeter(ProgressListener listener) {
    this.listener = listener;
  }

  synchronized void report(int percent) {
    int clamped = Math.max(0, Math.min(100, percent));
    if (clamped > last) {
      last = clamped;
      listener.progress(clamped);
    }
  }

  /** Reports ladder progress for ffmpeg's output time over an input of {@code duration}. */
  void ladder(long outTimeMicros, Duration duration) {
    long total = Math.max(1, duration.toNanos() / 1000);
    report((int) Math.min(LADDER_DONE, LADDER_DONE * outTimeMicros / total));
  }
}
