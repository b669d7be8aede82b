package io.kursfilm.transcoder.hls;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads back the HLS files ffmpeg wrote and refuses them unless they are complete: after a SIGTERM
 * or a truncated input ffmpeg still writes tidy playlists with {@code #EXT-X-ENDLIST}, so only the
 * rungs, the segment lengths, the total playing time and the files on disk can tell. Also renames
 * ffmpeg's {@code init_<n>.mp4} to the {@code init.mp4} the playback endpoint expects.
 */
final class HlsOutput {

  /** The checked renditions and their playing time. */
  record Verified(List<Rendition> renditions, Duration duration) {}

  private HlsOutput() {}

  static Verified verify(Path dir, LadderPlan plan, Duration expected, LadderSettings settings)
      throws TranscodeFailedException, IOException {
    try {
      return verifyAll(dir, plan, expected, settings);
    } catch (NumberFormatException e) {
      throw invalid("unreadable number in a playlist");
    }
  }

  private static Verified verifyAll(
      Path dir, LadderPlan plan, Duration expected, LadderSettings settings)
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
      Duration played = verifyRung(dir.resolve(rung.name()), rung.name(), expected, settings);
      first = first == null ? played : first;
      renditions.add(new Rendition(rung.width(), rung.height(), bandwidth, rung.playlist()));
    }
    return new Verified(renditions, first);
  }

  private static Duration verifyRung(
      Path rungDir, String name, Duration expected, LadderSettings settings)
      throws TranscodeFailedException, IOException {
    Path playlistFile = rungDir.resolve("playlist.m3u8");
    Playlists.Media media = Playlists.media(read(playlistFile, name + " playlist"));
    if (!media.ended() || media.segments().isEmpty() || media.init() == null) {
      throw invalid(name + " playlist is incomplete");
    }
    double total = 0;
    for (Playlists.Segment segment : media.segments()) {
      if (segment.seconds() > settings.maxSegmentSeconds()) {
        throw invalid(
            String.format(Locale.ROOT, "%s has a %.3f s segment", name, segment.seconds()));
      }
      requireFile(rungDir, segment.uri(), name);
      total += segment.seconds();
    }
    Duration played = Duration.ofMillis(Math.round(total * 1000));
    if (played.minus(expected).abs().compareTo(settings.durationTolerance()) > 0) {
      throw invalid(
          name + " plays " + played.toMillis() + " ms of " + expected.toMillis() + " ms input");
    }
    requireFile(rungDir, media.init(), name);
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

  /** A URI in our playlists is a plain file name next to the playlist, present and not empty. */
  private static void requireFile(Path dir, String uri, String rung)
      throws TranscodeFailedException, IOException {
    if (uri.isEmpty() || uri.contains("/") || uri.contains("\\") || uri.startsWith(".")) {
      throw invalid(rung + " refers to an unexpected path");
    }
    Path file = dir.resolve(uri);
    if (!Files.isRegularFile(file) || Files.size(file) == 0) {
      throw invalid(rung + " lacks " + uri);
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
