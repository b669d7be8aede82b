package io.kursfilm.web.api;

/** A request body over its endpoint's {@link BodyLimit}: 413 {@code too_large}. */
public class BodyTooLargeException extends RuntimeException {

  public BodyTooLargeException(long limit) {
    super("The body is larger than the " + limit + " bytes this endpoint accepts.");
  }
}
