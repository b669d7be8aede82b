package io.kursfilm.transcoder.hls;

import io.kursfilm.transcoder.probe.ProbeLimits;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * How the ladder is encoded and how long ffmpeg may take. {@link #defaults()} is what production
 * uses; tests shorten the timeouts with the {@code with*} methods.
 *
 * @param rungs candidate rungs, largest first; only those not above the input are encoded
 * @param preset x264 preset ({@code veryfast}: ≈1.1× realtime for the 4-rung ladder on 2 cores)
 * @param crf x264 quality target; {@link Rung#maxrateKbps()} caps it so BANDWIDTH is known
 * @param segmentSeconds HLS segment length; keyframes are forced at exactly this interval
 * @param minThumbnailInterval storyboard spacing for short videos
 * @param maxThumbnails longer videos space thumbnails further apart to stay under this count
 * @param thumbnailLongSide pixels of a storyboard thumbnail's longer side
 * @param posterShortSide the poster is the largest rung not above this (720p)
 * @param maxPixels {@code -max_pixels} for the decoder: a frame larger than this fails the run
 * @param containers demuxers ffmpeg may use on the upload ({@code -format_whitelist})
 * @param stallTimeout ffmpeg is killed when its output time has not advanced for this long
 * @param timeoutBase plus {@code timeoutFactor} × input duration: the overall limit of one run
 * @param killGrace time between SIGTERM and SIGKILL
 * @param durationTolerance how far each rung's playing time may be from the input's
 */
public record LadderSettings(
    List<Rung> rungs,
    String preset,
    int crf,
    int audioBitrateKbps,
    int segmentSeconds,
    Duration minThumbnailInterval,
    int maxThumbnails,
    int thumbnailLongSide,
    int posterShortSide,
    long maxPixels,
    Set<String> containers,
    Duration stallTimeout,
    Duration timeoutBase,
    double timeoutFactor,
    Duration killGrace,
    Duration durationTolerance) {

  /**
   * A candidate rung.
   *
   * @param size the shorter side in pixels (the height of a landscape video): 1080 for "1080p"
   * @param maxrateKbps video bitrate cap; the VBV buffer is twice this
   */
  public record Rung(int size, int maxrateKbps) {}

  public LadderSettings {
    rungs = rungs.stream().sorted(Comparator.comparingInt(Rung::size).reversed()).toList();
    containers = Set.copyOf(containers);
    if (rungs.isEmpty() || segmentSeconds < 1 || maxThumbnails < 1) {
      throw new IllegalArgumentException("need rungs, a segment length and thumbnails");
    }
  }

  public static LadderSettings defaults() {
    return new LadderSettings(
        List.of(new Rung(1080, 5000), new Rung(720, 2800), new Rung(480, 1400), new Rung(360, 800)),
        "veryfast",
        23,
        128,
        4,
        Duration.ofSeconds(2),
        300,
        160,
        720,
        3840L * 2160,
        ProbeLimits.CONTAINERS,
        Duration.ofSeconds(60),
        Duration.ofMinutes(2),
        10.0,
        Duration.ofSeconds(5),
        Duration.ofSeconds(1));
  }

  /** The same settings with another x264 preset. */
  public LadderSettings withPreset(String x264Preset) {
    return new LadderSettings(
        rungs,
        x264Preset,
        crf,
        audioBitrateKbps,
        segmentSeconds,
        minThumbnailInterval,
        maxThumbnails,
        thumbnailLongSide,
        posterShortSide,
        maxPixels,
        containers,
        stallTimeout,
        timeoutBase,
        timeoutFactor,
        killGrace,
        durationTolerance);
  }

  /** The same settings with other limits on how long ffmpeg may run or sit still. */
  public LadderSettings withTimeouts(Duration stall, Duration base, double factor) {
    return new LadderSettings(
        rungs,
        preset,
        crf,
        audioBitrateKbps,
        segmentSeconds,
        minThumbnailInterval,
        maxThumbnails,
        thumbnailLongSide,
        posterShortSide,
        maxPixels,
        containers,
        stall,
        base,
        factor,
        killGrace,
        durationTolerance);
  }

  /** Longest a run over an input of {@code duration} may take. */
  Duration timeoutFor(Duration duration) {
    return timeoutBase.plusMillis(Math.round(duration.toMillis() * timeoutFactor));
  }

  /** Longest a single segment may play: the target plus half a second of slack. */
  double maxSegmentSeconds() {
    return segmentSeconds + 0.5;
  }
}
