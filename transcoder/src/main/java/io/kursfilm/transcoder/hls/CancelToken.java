package io.kursfilm.transcoder.hls;

/**
 * Asks a running transcode to stop. Any thread may cancel; the transcode notices within a fraction
 * of a second, stops ffmpeg and throws {@link TranscodeCancelledException}. One token per job.
 */
public final class CancelToken {

  private final CancelToken parent;
  private volatile boolean cancelled;

  public CancelToken() {
    this(null);
  }

  /** A token that is also cancelled when {@code parent} is: lets one stage stop ffmpeg itself. */
  CancelToken(CancelToken parent) {
    this.parent = parent;
  }

  public void cancel() {
    cancelled = true;
  }

  public boolean cancelled() {
    return cancelled || (parent != null && parent.cancelled());
  }
}
