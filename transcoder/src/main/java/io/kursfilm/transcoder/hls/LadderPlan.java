package io.kursfilm.transcoder.hls;

import io.kursfilm.transcoder.probe.MediaInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What one input is turned into, decided from its display size (after rotation) and duration alone:
 * the rungs, the poster size and the storyboard spacing.
 *
 * <p>Rungs are named by the shorter side, so a portrait phone video of 1080×1920 gets "1080p" at
 * 1080×1920 rather than a narrow 608×1080. No rung is larger than the input; an input below the
 * smallest rung gets one rung at its own (even) size.
 *
 * @param thumbnailInterval one storyboard thumbnail per this much playing time
 */
record LadderPlan(
    List<PlannedRung> rungs,
    int posterWidth,
    int posterHeight,
    Duration thumbnailInterval,
    int thumbnailWidth,
    int thumbnailHeight) {

  static LadderPlan of(MediaInfo info, LadderSettings settings) {
    return of(info.displayWidth(), info.displayHeight(), info.duration(), settings);
  }

  static LadderPlan of(int width, int height, Duration duration, LadderSettings settings) {
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException("no frame size");
    }
    List<PlannedRung> rungs = rungs(width, height, settings);
    PlannedRung poster =
        rungs.stream()
            .filter(r -> Math.min(r.width(), r.height()) <= settings.posterShortSide())
            .findFirst()
            .orElse(rungs.get(rungs.size() - 1));
    int longSide = settings.thumbnailLongSide();
    int thumbWidth = width >= height ? even(longSide) : even((double) longSide * width / height);
    int thumbHeight = width >= height ? even((double) longSide * height / width) : even(longSide);
    return new LadderPlan(
        rungs,
        poster.width(),
        poster.height(),
        thumbnailInterval(duration, settings),
        thumbWidth,
        thumbHeight);
  }

  private static List<PlannedRung> rungs(int width, int height, LadderSettings settings) {
    int shortSide = Math.min(width, height);
    boolean landscape = width >= height;
    List<PlannedRung> planned = new ArrayList<>();
    for (LadderSettings.Rung rung : settings.rungs()) {
      if (rung.size() > shortSide) {
        continue;
      }
      double longSide = (double) rung.size() * Math.max(width, height) / shortSide;
      int w = landscape ? even(longSide) : even(rung.size());
      int h = landscape ? even(rung.size()) : even(longSide);
      planned.add(new PlannedRung(rung.size() + "p", w, h, rung.maxrateKbps()));
    }
    if (planned.isEmpty()) {
      // Smaller than the smallest rung: keep its own size, bitrate in proportion to its pixels.
      LadderSettings.Rung smallest = settings.rungs().get(settings.rungs().size() - 1);
      int w = evenDown(width);
      int h = evenDown(height);
      double share = (double) w * h / (smallest.size() * smallest.size() * 16.0 / 9.0);
      int maxrate = (int) Math.max(200, Math.round(smallest.maxrateKbps() * share));
      planned.add(new PlannedRung(Math.min(w, h) + "p", w, h, maxrate));
    }
    return List.copyOf(planned);
  }

  private static Duration thumbnailInterval(Duration duration, LadderSettings settings) {
    long minMillis = settings.minThumbnailInterval().toMillis();
    long spread = (duration.toMillis() + settings.maxThumbnails() - 1) / settings.maxThumbnails();
    // Whole seconds keep the storyboard's cue times exact.
    long millis = Math.max(minMillis, spread);
    return Duration.ofSeconds((millis + 999) / 1000);
  }

  /** Nearest even number, at least 2: H.264 with 4:2:0 chroma needs even sides. */
  static int even(double pixels) {
    return (int) Math.max(2, 2 * Math.round(pixels / 2));
  }

  private static int evenDown(int pixels) {
    return Math.max(2, pixels - pixels % 2);
  }
}
