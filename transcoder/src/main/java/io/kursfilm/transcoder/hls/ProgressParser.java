package io.kursfilm.transcoder.hls;

import java.util.function.LongConsumer;

/**
 * Reads the {@code key=value} lines of ffmpeg's {@code -progress pipe:1} as ffmpeg-cli-wrapper
 * copies stdout into it, reports each advance of {@code out_time_us} and remembers when the last
 * advance happened, which the watchdog uses to detect a stall.
 */
final class ProgressParser implements Appendable {

  private static final int MAX_LINE = 1024;

  private final LongConsumer outTimeMicros;
  private final StringBuilder line = new StringBuilder();
  private long outTime = Long.MIN_VALUE;
  private volatile long lastAdvanceNanos = System.nanoTime();
  private volatile boolean ended;

  ProgressParser(LongConsumer outTimeMicros) {
    this.outTimeMicros = outTimeMicros;
  }

  @Override
  public Appendable append(CharSequence chars) {
    return append(chars, 0, chars.length());
  }

  @Override
  public Appendable append(CharSequence chars, int start, int end) {
    for (int i = start; i < end; i++) {
      append(chars.charAt(i));
    }
    return this;
  }

  @Override
  public Appendable append(char c) {
    if (c == '\n') {
      handle(line.toString().strip());
      line.setLength(0);
    } else if (line.length() < MAX_LINE) {
      line.append(c);
    }
    return this;
  }

  /** {@link System#nanoTime()} of the last advance, or of construction before the first. */
  long lastAdvanceNanos() {
    return lastAdvanceNanos;
  }

  /** True once ffmpeg wrote {@code progress=end}: every output is finished. */
  boolean ended() {
    return ended;
  }

  private void handle(String keyValue) {
    int eq = keyValue.indexOf('=');
    if (eq < 0) {
      return;
    }
    String key = keyValue.substring(0, eq);
    String value = keyValue.substring(eq + 1);
    if ("out_time_us".equals(key)) {
      try {
        long micros = Long.parseLong(value);
        if (micros > outTime) {
          outTime = micros;
          lastAdvanceNanos = System.nanoTime();
          outTimeMicros.accept(micros);
        }
      } catch (NumberFormatException e) {
        // "N/A" until the first frame is out.
      }
    } else if ("progress".equals(key) && "end".equals(value)) {
      ended = true;
    }
  }
}
