package io.kursfilm.transcoder.hls;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads back the HLS files ffmpeg wrote and refuses them unless they are complete: after a SIGTERM
 * or a truncated input ffmpeg still writes tidy playlists with {@code #EXT-X-ENDLIST}, so only the
 * rungs, the segment lengths, the total playing time and the segments can tell. The segments are
 * gone from disk by then ({@link SegmentCourier}): the playlists must name exactly the segments
 * that were handed over, each of them not empty. Also renames ffmpeg's {@code init_<n>.mp4} to the
 * {@code init.mp4} the playback endpoint expects.
 */
final class HlsOutput {

  /** The checked renditions and their playing time. */
  record Verified(List<Rendition> renditions, Duration duration) {}

  private HlsOutput() {}

  /**
   * @param segments relative name to size of every media segment handed over during the run
   */
  static Verified verify(
      Path dir,
      LadderPlan plan,
      Duration expected,
      LadderSettings settings,
      Map<String, Long> segments)
      throws TranscodeFailedException, IOException {
    try {
      return verifyAll(dir, plan, new Expectation(expected, settings, segments));
    } catch (NumberFormatException e) {
      throw invalid("unreadable number in a playlist");
    }
  }

  /** What every rung is held to, and the segments no playlist has named yet. */
  private record Expectation(
      Duration duration, LadderSettings settings, Map<String, Long> segments, Set<String> unnamed) {
    Expectation(Duration duration, LadderSettings settings, Map<String, Long> segments) {
      this(duration, settings, segments, new HashSet<>(segments.keySet()));
    }
  }

  private static Verified verifyAll(Path dir, LadderPlan plan, Expectation expected)
      throws TranscodeFailedException, IOException {
    List<Playlists.Variant> variants =
        Playlists.master(read(dir.resolve(LadderCommand.MASTER), "master playlist"));
    List<PlannedRung> rungs = plan.rungs();
    if (variants.size() != rungs.size()) {
      throw invalid(variants.size() + " variants for " + rungs.size() + " rungs");
    }
    List<Rendition> renditions = new ArrayList<>();
    Duration first = null;
    for (int i = 0; i < rungs.size(); i++) {
      PlannedRung rung = rungs.get(i);
      Playlists.Variant variant = variants.get(i);
      Map<String, String> attributes = variant.attributes();
      String resolution = rung.width() + "x" + rung.height();
      if (!rung.playlist().equals(variant.uri())
          || !resolution.equals(attributes.get("RESOLUTION"))) {
        throw invalid("variant " + i + " is not " + rung.name() + " at " + resolution);
      }
      int bandwidth = Integer.parseInt(attributes.getOrDefault("BANDWIDTH", "0"));
      if (bandwidth <= 0) {
        throw invalid(rung.name() + " has no BANDWIDTH");
      }
      Duration played = verifyRung(dir.resolve(rung.name()), rung.name(), expected);
      first = first == null ? played : first;
      renditions.add(new Rendition(rung.width(), rung.height(), bandwidth, rung.playlist()));
    }
    if (!expected.unnamed().isEmpty()) {
      throw invalid(expected.unnamed().size() + " segment(s) handed over that no playlist names");
    }
    return new Verified(renditions, first);
  }

  private static Duration verifyRung(Path rungDir, String name, Expectation expected)
      throws TranscodeFailedException, IOException {
    Path playlistFile = rungDir.resolve("playlist.m3u8");
    Playlists.Media media = Playlists.media(read(playlistFile, name + " playlist"));
    if (!media.ended() || media.segments().isEmpty() || media.init() == null) {
      throw invalid(name + " playlist is incomplete");
    }
    double total = 0;
    for (Playlists.Segment segment : media.segments()) {
      if (segment.seconds() > expected.settings().maxSegmentSeconds()) {
        throw invalid(
            String.format(Locale.ROOT, "%s has a %.3f s segment", name, segment.seconds()));
      }
      requireSegment(name, segment.uri(), expected);
      total += segment.seconds();
    }
    Duration played = Duration.ofMillis(Math.round(total * 1000));
    Duration input = expected.duration();
    if (played.minus(input).abs().compareTo(expected.settings().durationTolerance()) > 0) {
      throw invalid(
          name + " plays " + played.toMillis() + " ms of " + input.toMillis() + " ms input");
    }
    requireFile(rungDir, media.init(), name);
    requireNothingElse(rungDir, name, Set.of(playlistFile.getFileName().toString(), media.init()));
    if (!LadderCommand.INIT.equals(media.init())) {
      Files.move(rungDir.resolve(media.init()), rungDir.resolve(LadderCommand.INIT));
      String text = Files.readString(playlistFile, StandardCharsets.UTF_8);
      Files.writeString(
          playlistFile,
          text.replace(
              "#EXT-X-MAP:URI=\"" + media.init() + "\"",
              "#EXT-X-MAP:URI=\"" + LadderCommand.INIT + "\""),
          StandardCharsets.UTF_8);
    }
    return played;
  }

  /** A segment the playlist names was handed over, not empty, and is named only once. */
  private static void requireSegment(String rung, String uri, Expectation expected)
      throws TranscodeFailedException {
    requirePlainName(uri, rung);
    String name = rung + "/" + uri;
    if (!expected.unnamed().remove(name)) {
      throw invalid(
          rung + (expected.segments().containsKey(name) ? " names twice " : " lacks ") + uri);
    }
    if (expected.segments().get(name) == 0) {
      throw invalid(rung + " has an empty " + uri);
    }
  }

  /** What ffmpeg left in a rung directory besides the handed-over segments is only expected. */
  private static void requireNothingElse(Path rungDir, String rung, Set<String> expected)
      throws TranscodeFailedException, IOException {
    try (Stream<Path> files = Files.list(rungDir)) {
      if (files.anyMatch(p -> !expected.contains(p.getFileName().toString()))) {
        throw invalid(rung + " holds a file no playlist names");
      }
    }
  }

  /** A URI in our playlists is a plain file name next to the playlist, present and not empty. */
  private static void requireFile(Path dir, String uri, String rung)
      throws TranscodeFailedException, IOException {
    requirePlainName(uri, rung);
    Path file = dir.resolve(uri);
    if (!Files.isRegularFile(file) || Files.size(file) == 0) {
      throw invalid(rung + " lacks " + uri);
    }
  }

  private static void requirePlainName(String uri, String rung) throws TranscodeFailedException {
    if (uri.isEmpty() || uri.contains("/") || uri.contains("\\") || uri.startsWith(".")) {
      throw invalid(rung + " refers to an unexpected path");
    }
  }

  private static String read(Path file, String what) throws TranscodeFailedException, IOException {
    if (!Files.isRegularFile(file)) {
      throw invalid("no " + what);
    }
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  private static TranscodeFailedException invalid(String detail) {
    return new TranscodeFailedException(TranscodeFailedException.Reason.INVALID_OUTPUT, detail);
  }
}
