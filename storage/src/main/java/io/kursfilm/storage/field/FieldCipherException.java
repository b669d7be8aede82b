package io.kursfilm.storage.field;

/** A personal field could not be sealed or opened. Names the field, never its value. */
public class FieldCipherException extends RuntimeException {

  public FieldCipherException(String message, Throwable cause) {
    super(message, cause);
  }
}
