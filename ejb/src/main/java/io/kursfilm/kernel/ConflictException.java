package io.kursfilm.kernel;

import jakarta.ejb.ApplicationException;

/** The request contradicts what exists, e.g. a slug or e-mail already taken. */
@ApplicationException(rollback = true)
public class ConflictException extends RuntimeException {

  public ConflictException(String message) {
    super(message);
  }
}
