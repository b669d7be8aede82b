package io.kursfilm.transcoder.probe;

import java.time.Duration;
import java.util.Optional;

/**
 * What validation learnt about an accepted upload; the transcoder plans the ladder from it.
 *
 * @param duration measured from the video packets, not taken from the container header
 * @param rotation display rotation in degrees (0, 90, 180, 270) from the stream's side data
 */
public record MediaInfo(
    String container,
    Duration duration,
    int width,
    int height,
    int rotation,
    String videoCodec,
    Optional<String> audioCodec) {

  /** Width and height as the viewer sees them, after rotation. */
  public int displayWidth() {
    return rotation % 180 == 0 ? width : height;
  }

  public int displayHeight() {
    return rotation % 180 == 0 ? height : width;
  }
}
