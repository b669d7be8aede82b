package io.kursfilm.storage.sealed;

/**
 * A chunk did not have the length the caller announced for it; nothing was stored under its index.
 * A client error (HTTP 400), not a storage fault.
 */
public class ChunkLengthException extends SealedObjectException {

  public ChunkLengthException(String message, Throwable cause) {
    super(message, cause);
  }
}
