package io.kursfilm.transcoder.hls;

/**
 * Asks a running transcode to stop. Any thread may cancel; the transcode notices within a fraction
 * of a second, stops ffmpeg and throws {@link TranscodeCancelledException}. One token per job.
 */
public final class CancelToken {

  private volatile boolean cancelled;

  public void cancel() {
    cancelled = true;
  }

  public boolean cancelled() {
    return cancelled;
  }
}
