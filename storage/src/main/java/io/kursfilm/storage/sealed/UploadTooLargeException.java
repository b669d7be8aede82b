package io.kursfilm.storage.sealed;

/**
 * An upload grew beyond the byte limit it was given; every chunk it had written is deleted again. A
 * client error (HTTP 413), not a storage fault.
 */
public class UploadTooLargeException extends SealedObjectException {

  private final long limit;

  public UploadTooLargeException(long limit) {
    super("upload exceeds " + limit + " bytes", null);
    this.limit = limit;
  }

  /** The limit that was exceeded, in bytes. */
  public long limit() {
    return limit;
  }
}
