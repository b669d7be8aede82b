package io.kursfilm.video.boundary;

import jakarta.ejb.ApplicationException;

/** An upload is larger than the tenant allows; nothing of it is kept. */
@ApplicationException(rollback = true)
public class UploadTooLargeException extends RuntimeException {

  private final long limit;

  public UploadTooLargeException(long limit) {
    super("The video is larger than the " + limit + " bytes allowed.");
    this.limit = limit;
  }

  public long limit() {
    return limit;
  }
}
