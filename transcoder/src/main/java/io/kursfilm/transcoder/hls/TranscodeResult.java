package io.kursfilm.transcoder.hls;

import java.time.Duration;
import java.util.List;

/**
 * What a successful transcode handed to its {@link OutputSink}.
 *
 * @param duration playing time of the renditions (sum of the first rung's segments)
 * @param renditions highest first, as in {@code master.m3u8}
 * @param files every file handed over, relative and {@code /}-separated, sorted
 */
public record TranscodeResult(Duration duration, List<Rendition> renditions, List<String> files) {

  public TranscodeResult {
    renditions = List.copyOf(renditions);
    files = List.copyOf(files);
  }
}
