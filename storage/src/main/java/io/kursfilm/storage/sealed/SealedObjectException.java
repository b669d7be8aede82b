package io.kursfilm.storage.sealed;

/**
 * A sealed object could not be written, found, or opened (missing object, wrong tenant key,
 * tampered metadata). The message names the step, never content or key material.
 */
public class SealedObjectException extends RuntimeException {

  public SealedObjectException(String message, Throwable cause) {
    super(message, cause);
  }
}
