package io.kursfilm.transcoder.hls;

import java.time.Duration;

/**
 * How the storyboard thumbnails are tiled into sprites and the WebVTT file that points into them
 * ({@code sprite_000.jpg#xywh=x,y,w,h}, relative to the VTT), which players use for scrub previews.
 * Thumbnail {@code k} stands for the interval starting at {@code k × interval}.
 *
 * @param count thumbnails actually written
 * @param columns tiles per sprite row; the last sprite may be partly empty
 */
record Storyboard(
    int count,
    Duration interval,
    Duration duration,
    int tileWidth,
    int tileHeight,
    int columns,
    int rows) {

  static final String VTT = "thumbs/storyboard.vtt";
  static final int MAX_GRID = 10;

  /** A grid of at most 10 × 10, no larger than the thumbnails need. */
  static Storyboard layout(
      int count, Duration interval, Duration duration, int tileWidth, int tileHeight) {
    if (count < 1) {
      throw new IllegalArgumentException("no thumbnails");
    }
    int columns = Math.min(MAX_GRID, count);
    int rows = Math.min(MAX_GRID, (count + columns - 1) / columns);
    return new Storyboard(count, interval, duration, tileWidth, tileHeight, columns, rows);
  }

  int perSprite() {
    return columns * rows;
  }

  int sprites() {
    return (count + perSprite() - 1) / perSprite();
  }

  static String spriteName(int index) {
    return String.format("sprite_%03d.jpg", index);
  }

  /** The WebVTT text; cues never reach past the video's end. */
  String vtt() {
    StringBuilder out = new StringBuilder("WEBVTT\n");
    for (int k = 0; k < count; k++) {
      Duration start = interval.multipliedBy(k);
      if (k > 0 && start.compareTo(duration) >= 0) {
        break;
      }
      Duration end = start.plus(interval);
      if (end.compareTo(duration) > 0 && duration.compareTo(start) > 0) {
        end = duration;
      }
      int cell = k % perSprite();
      out.append('\n')
          .append(timestamp(start))
          .append(" --> ")
          .append(timestamp(end))
          .append('\n')
          .append(spriteName(k / perSprite()))
          .append("#xywh=")
          .append((cell % columns) * tileWidth)
          .append(',')
          .append((cell / columns) * tileHeight)
          .append(',')
          .append(tileWidth)
          .append(',')
          .append(tileHeight)
          .append('\n');
    }
    return out.toString();
  }

  static String timestamp(Duration d) {
    return String.format(
        "%02d:%02d:%02d.%03d", d.toHours(), d.toMinutesPart(), d.toSecondsPart(), d.toMillisPart());
  }
}
