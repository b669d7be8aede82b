package io.kursfilm.storage.keys;

/** The key store could not create, load or destroy a key. Messages never contain key material. */
public class KeyStoreException extends RuntimeException {

  public KeyStoreException(String message) {
    super(message);
  }

  public KeyStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
