package io.kursfilm.kernel;

import jakarta.ejb.ApplicationException;

/** A call that needs an authenticated caller arrived without one. */
@ApplicationException(rollback = true)
public class NotAuthenticatedException extends RuntimeException {

  public NotAuthenticatedException() {
    super("authentication required");
  }
}
