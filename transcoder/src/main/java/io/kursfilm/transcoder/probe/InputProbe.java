package io.kursfilm.transcoder.probe;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.kursfilm.transcoder.FfmpegInstallation;
import io.kursfilm.transcoder.MediaInput;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether an untrusted upload may be transcoded. ffprobe runs hardened (only the input's
 * own protocols: {@code file} for a file, {@code http,tcp} for the {@link
 * io.kursfilm.transcoder.loopback.LoopbackServer loopback}; allow-listed demuxers), then the video
 * packets are scanned so that the duration we trust is the one the frames have, not the one the
 * header claims.
 */
public class InputProbe {

  private final FfmpegInstallation ffmpeg;
  private final ProbeLimits limits;
  private final ProbeRunner runner;

  public InputProbe(FfmpegInstallation ffmpeg, ProbeLimits limits) {
    this(ffmpeg, limits, new ProbeRunner(Duration.ofMinutes(2), ffmpeg.sandbox()));
  }

  InputProbe(FfmpegInstallation ffmpeg, ProbeLimits limits, ProbeRunner runner) {
    this.ffmpeg = ffmpeg;
    this.limits = limits;
    this.runner = runner;
  }

  /**
   * Validates {@code file}.
   *
   * @throws InputRejectedException with the reason when the upload must be refused
   * @throws IOException when ffprobe itself cannot be run
   */
  public MediaInfo probe(Path file) throws InputRejectedException, IOException {
    return probe(MediaInput.file(file));
  }

  /**
   * Validates the upload at {@code input}, read only through the protocols the input allows.
   *
   * @throws InputRejectedException with the reason when the upload must be refused
   * @throws IOException when ffprobe itself cannot be run
   */
  public MediaInfo probe(MediaInput file) throws InputRejectedException, IOException {
    long size = file.size();
    if (size == 0) {
      throw new InputRejectedException(RejectionReason.EMPTY, "0 bytes");
    }
    if (size > limits.maxBytes()) {
      throw new InputRejectedException(RejectionReason.TOO_LARGE, size + " bytes");
    }
    ProbeRunner.Result described =
        runner.run(command(file, "-print_format", "json", "-show_format", "-show_streams"), file);
    if (described.exitCode() != 0) {
      throw new InputRejectedException(RejectionReason.NOT_A_SUPPORTED_VIDEO, "ffprobe refused it");
    }
    JsonObject json = JsonParser.parseString(described.output()).getAsJsonObject();
    String container = container(json);
    JsonObject video =
        firstStream(json, "video")
            .orElseThrow(
                () -> new InputRejectedException(RejectionReason.NO_VIDEO_STREAM, container));
    String videoCodec = string(video, "codec_name");
    if (!limits.videoCodecs().contains(videoCodec)) {
      throw new InputRejectedException(RejectionReason.UNSUPPORTED_VIDEO_CODEC, videoCodec);
    }
    Optional<String> audioCodec = firstStream(json, "audio").map(a -> string(a, "codec_name"));
    if (audioCodec.isPresent() && !limits.audioCodecs().contains(audioCodec.get())) {
      throw new InputRejectedException(RejectionReason.UNSUPPORTED_AUDIO_CODEC, audioCodec.get());
    }
    int width = video.has("width") ? video.get("width").getAsInt() : 0;
    int height = video.has("height") ? video.get("height").getAsInt() : 0;
    if (width <= 0 || height <= 0) {
      throw new InputRejectedException(RejectionReason.NO_VIDEO_STREAM, "no frame size");
    }
    if ((long) width * height > limits.maxPixels()) {
      throw new InputRejectedException(RejectionReason.RESOLUTION_TOO_HIGH, width + "x" + height);
    }
    Duration measured = measureVideo(file, declaredDuration(json));
    return new MediaInfo(
        container, measured, width, height, rotation(video), videoCodec, audioCodec);
  }

  private Duration measureVideo(MediaInput file, Optional<Duration> declared)
      throws InputRejectedException, IOException {
    ProbeRunner.Result packets =
        runner.run(
            command(
                file,
                "-select_streams",
                "v:0",
                "-show_entries",
                "packet=pts_time,dts_time,duration_time",
                "-of",
                "csv=p=0"),
            file);
    if (packets.exitCode() != 0) {
      throw new InputRejectedException(RejectionReason.NOT_A_SUPPORTED_VIDEO, "unreadable packets");
    }
    PacketTimeline timeline = PacketTimeline.parse(packets.output());
    if (timeline.packets() == 0) {
      throw new InputRejectedException(RejectionReason.NO_VIDEO_STREAM, "no video packets");
    }
    if (timeline.largestGap().compareTo(limits.maxTimestampGap()) > 0) {
      throw new InputRejectedException(
          RejectionReason.TIMESTAMP_GAP, timeline.largestGap().toMillis() + " ms");
    }
    Duration measured = timeline.duration();
    if (declared.isPresent() && DurationCheck.claimsMoreThanItHas(declared.get(), measured)) {
      throw new InputRejectedException(
          RejectionReason.DURATION_MISMATCH,
          "declared " + declared.get().toMillis() + " ms, frames " + measured.toMillis() + " ms");
    }
    if (measured.compareTo(limits.maxDuration()) > 0) {
      throw new InputRejectedException(RejectionReason.TOO_LONG, measured.toSeconds() + " s");
    }
    return measured;
  }

  /** ffprobe on the input's own protocols only, with allow-listed demuxers (no playlists). */
  private List<String> command(MediaInput file, String... query) {
    List<String> command = new ArrayList<>();
    command.add(ffmpeg.ffprobe().toString());
    command.addAll(
        List.of(
            "-v",
            "error",
            "-protocol_whitelist",
            file.protocolWhitelist(),
            "-format_whitelist",
            String.join(",", limits.containers())));
    command.addAll(List.of(query));
    command.add(file.url());
    return command;
  }

  private static String container(JsonObject json) {
    JsonObject format = json.getAsJsonObject("format");
    String name = format == null ? "" : string(format, "format_name");
    return name.contains(",") ? name.substring(0, name.indexOf(',')) : name;
  }

  private static Optional<Duration> declaredDuration(JsonObject json) {
    JsonObject format = json.getAsJsonObject("format");
    if (format == null || !format.has("duration")) {
      return Optional.empty();
    }
    return Optional.of(seconds(format.get("duration").getAsDouble()));
  }

  private static Optional<JsonObject> firstStream(JsonObject json, String type) {
    JsonArray streams = json.getAsJsonArray("streams");
    if (streams == null) {
      return Optional.empty();
    }
    for (JsonElement element : streams) {
      JsonObject stream = element.getAsJsonObject();
      boolean coverArt =
          stream.has("disposition")
              && stream.getAsJsonObject("disposition").has("attached_pic")
              && stream.getAsJsonObject("disposition").get("attached_pic").getAsInt() == 1;
      if (type.equals(string(stream, "codec_type")) && !coverArt) {
        return Optional.of(stream);
      }
    }
    return Optional.empty();
  }

  /** Display rotation from the display matrix side data or the legacy rotate tag. */
  static int rotation(JsonObject video) {
    double degrees = 0;
    if (video.has("side_data_list")) {
      for (JsonElement data : video.getAsJsonArray("side_data_list")) {
        JsonObject side = data.getAsJsonObject();
        if (side.has("rotation")) {
          degrees = side.get("rotation").getAsDouble();
        }
      }
    } else if (video.has("tags") && video.getAsJsonObject("tags").has("rotate")) {
      degrees = video.getAsJsonObject("tags").get("rotate").getAsDouble();
    }
    int normalised = (int) Math.round(degrees) % 360;
    return normalised < 0 ? normalised + 360 : normalised;
  }

  private static String string(JsonObject o, String key) {
    return o.has(key) && !o.get(key).isJsonNull() ? o.get(key).getAsString() : "";
  }

  static Duration seconds(double seconds) {
    return Duration.ofNanos(Math.round(seconds * 1_000_000_000d));
  }
}
