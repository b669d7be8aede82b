package io.kursfilm.web.ui;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How the pages write points in time and positions in a video. */
final class Times {

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

  private Times() {}

  /** A point in time to the minute, in the server's zone; empty for null. */
  static String when(Instant instant) {
    return instant == null ? "" : WHEN.format(instant);
  }

  /**
   * A position or length in a video: {@code m:ss}, or {@code h:mm:ss} from an hour; "" for null.
   */
  static String clock(Number seconds) {
    if (seconds == null) {
      return "";
    }
    long s = seconds.longValue();
    return s >= 3600
        ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format("%d:%02d", s / 60, s % 60);
  }
}
