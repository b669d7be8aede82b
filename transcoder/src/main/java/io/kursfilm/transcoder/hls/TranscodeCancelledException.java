package io.kursfilm.transcoder.hls;

/** The transcode was cancelled (token or thread interrupt); ffmpeg is stopped, outputs removed. */
public class TranscodeCancelledException extends Exception {

  public TranscodeCancelledException() {
    super("transcode cancelled");
  }
}
