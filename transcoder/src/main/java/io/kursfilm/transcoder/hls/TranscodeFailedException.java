package io.kursfilm.transcoder.hls;

/**
 * The transcode did not produce a complete, valid output; the output directory has been emptied.
 * {@link #reason()} lets a job decide whether a retry can help (a timeout may, a broken input will
 * not).
 */
public class TranscodeFailedException extends Exception {

  /** Why the transcode failed. */
  public enum Reason {
    /** ffmpeg exited with a non-zero code. */
    FFMPEG_FAILED,
    /** ffmpeg made no progress for the stall timeout. */
    STALLED,
    /** ffmpeg ran longer than the overall timeout. */
    TIMED_OUT,
    /** ffmpeg exited 0 but the output is short, missing files or has over-long segments. */
    INVALID_OUTPUT
  }

  private final Reason reason;

  public TranscodeFailedException(Reason reason, String detail) {
    super(reason + ": " + detail);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
