package io.kursfilm.web.ui;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How the pages write points in time and positions in a video, and read positions typed in. */
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

  /**
   * Reads what {@link #clock} writes, or plain seconds: {@code 90}, {@code 1:30}, {@code 0:01:30};
   * null for blank text.
   *
   * @throws IllegalArgumentException for anything else (minutes and seconds after a colon 0-59)
   */
  static Integer seconds(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String[] parts = text.strip().split(":", -1);
    if (parts.length > 3) {
      throw new IllegalArgumentException("not a time: " + text);
    }
    long total = 0;
    for (int i = 0; i < parts.length; i++) {
      if (!parts[i].matches("\\d{1,9}")) {
        throw new IllegalArgumentException("not a time: " + text);
      }
      long part = Long.parseLong(parts[i]);
      if (i > 0 && (part > 59 || parts[i].length() != 2)) {
        throw new IllegalArgumentException("not a time: " + text);
      }
      total = total * 60 + part;
    }
    if (total > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("not a time: " + text);
    }
    return (int) total;
  }
}
