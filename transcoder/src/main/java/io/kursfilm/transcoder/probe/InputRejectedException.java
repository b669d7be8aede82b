package io.kursfilm.transcoder.probe;

/** An upload failed validation; {@link #reason()} says why in a translatable way. */
public class InputRejectedException extends Exception {

  private final RejectionReason reason;

  public InputRejectedException(RejectionReason reason, String detail) {
    super(reason + ": " + detail);
    this.reason = reason;
  }

  public RejectionReason reason() {
    return reason;
  }
}
