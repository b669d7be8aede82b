package io.kursfilm.storage.objects;

/** A request to the object store failed; the message names the operation, never the content. */
public class ObjectStoreException extends RuntimeException {

  public ObjectStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
