package io.kursfilm.learning.boundary;

import jakarta.ejb.ApplicationException;

/** More progress reports than {@code kursfilm.progress.max-reports-per-minute}: nothing stored. */
@ApplicationException(rollback = true)
public class TooManyReportsException extends RuntimeException {

  public TooManyReportsException(int perMinute) {
    super("too many progress reports: at most " + perMinute + " a minute");
  }
}
