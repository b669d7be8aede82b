package io.kursfilm.transcoder.probe;

import java.time.Duration;

/** The rule for a container that claims more playing time than its frames have. */
final class DurationCheck {

  private static final Duration SLACK = Duration.ofSeconds(2);

  private DurationCheck() {}

  /**
   * True when the declared duration exceeds the measured one by more than 2 s and 10 %: real files
   * differ a little (audio longer than video, edit lists), forged or truncated ones by far more.
   */
  static boolean claimsMoreThanItHas(Duration declared, Duration measured) {
    Duration excess = declared.minus(measured);
    return excess.compareTo(SLACK) > 0 && excess.compareTo(measured.dividedBy(10)) > 0;
  }
}
