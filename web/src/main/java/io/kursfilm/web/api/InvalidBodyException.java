package io.kursfilm.web.api;

/**
 * A request body that is not well-formed JSON or does not fit the endpoint's fields (wrong types,
 * numbers that are not exact integers of their range): 400 {@code invalid_body}. Messages never
 * echo the body.
 */
public class InvalidBodyException extends RuntimeException {

  public InvalidBodyException(String message) {
    super(message);
  }
}
