package io.kursfilm.transcoder.probe;

import java.time.Duration;
import java.util.Set;

/**
 * What an upload may be. Containers are ffmpeg demuxer names; anything else (playlists, concat
 * lists, images) is refused by ffprobe itself through {@code -format_whitelist}.
 *
 * @param maxBytes largest accepted file
 * @param maxDuration longest accepted video
 * @param maxPixels largest frame (width x height), 4K by default
 * @param maxTimestampGap largest jump between consecutive video packets
 */
public record ProbeLimits(
    long maxBytes,
    Duration maxDuration,
    long maxPixels,
    Duration maxTimestampGap,
    Set<String> containers,
    Set<String> videoCodecs,
    Set<String> audioCodecs) {

  /** Demuxers allowed to open an upload (docs/architecture.md: no HLS, no concat, no image2). */
  public static final Set<String> CONTAINERS =
      Set.of(
          "mov",
          "matroska",
          "avi",
          "mpegts",
          "mpeg",
          "flv",
          "asf",
          "ogg",
          "wav",
          "mp3",
          "aac",
          "flac");

  public ProbeLimits {
    containers = Set.copyOf(containers);
    videoCodecs = Set.copyOf(videoCodecs);
    audioCodecs = Set.copyOf(audioCodecs);
  }

  public static ProbeLimits defaults() {
    return new ProbeLimits(
        10L * 1024 * 1024 * 1024,
        Duration.ofHours(4),
        3840L * 2160,
        Duration.ofSeconds(10),
        CONTAINERS,
        Set.of(
            "h264",
            "hevc",
            "vp8",
            "vp9",
            "av1",
            "mpeg4",
            "mpeg2video",
            "mpeg1video",
            "prores",
            "mjpeg",
            "msmpeg4v3",
            "wmv2",
            "wmv3",
            "theora"),
        Set.of(
            "aac",
            "mp3",
            "mp2",
            "opus",
            "vorbis",
            "flac",
            "ac3",
            "eac3",
            "alac",
            "pcm_s16le",
            "pcm_s24le",
            "wmav2"));
  }

  public ProbeLimits withMaxBytes(long bytes) {
    return new ProbeLimits(
        bytes, maxDuration, maxPixels, maxTimestampGap, containers, videoCodecs, audioCodecs);
  }

  public ProbeLimits withMaxDuration(Duration duration) {
    return new ProbeLimits(
        maxBytes, duration, maxPixels, maxTimestampGap, containers, videoCodecs, audioCodecs);
  }
}
