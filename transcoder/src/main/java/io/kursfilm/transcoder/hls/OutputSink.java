package io.kursfilm.transcoder.hls;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Where a transcode's output files go, one by one, as soon as each is final: the media segments
 * while ffmpeg still runs, everything else after the checks passed. The file is deleted from the
 * scratch directory once {@link #accept} returns, so the whole ladder never sits in it at once.
 *
 * <p>Called on a transcoder thread (not necessarily the caller's), one file at a time. Handing a
 * file over publishes nothing: a failed or cancelled transcode still throws afterwards, and the
 * caller must then discard what it was given.
 */
@FunctionalInterface
public interface OutputSink {

  /**
   * Takes the finished file; returns once its bytes are stored. Failing stops ffmpeg and fails the
   * transcode.
   *
   * @param relativeName where the file belongs in the HLS layout, {@code /}-separated (e.g. {@code
   *     720p/seg_00003.m4s})
   * @param file the file to read; it is not changed any more
   */
  void accept(String relativeName, Path file) throws IOException;
}
