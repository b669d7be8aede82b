package io.kursfilm.transcoder.hls;

import io.kursfilm.transcoder.MediaInput;
import io.kursfilm.transcoder.probe.MediaInfo;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import net.bramp.ffmpeg.builder.FFmpegBuilder;
import net.bramp.ffmpeg.builder.FFmpegHlsOutputBuilder;

/**
 * The ffmpeg arguments (without the binary) for the two runs of a transcode, built with
 * ffmpeg-cli-wrapper. Paths are relative: ffmpeg runs in the output directory.
 *
 * <p>The ladder run decodes the upload's first video stream that is not cover art ({@code 0:V:0})
 * once: {@code split} feeds one scaler per rung (H.264 capped by {@code -maxrate}, keyframes forced
 * every segment) into one HLS output with a variant stream map, plus a low-rate branch that writes
 * single JPEG frames for the poster and storyboard. That branch costs almost nothing and, unlike a
 * {@code tile} filter in the same graph, does not hold back {@code -progress} (see
 * docs/architecture.md).
 */
final class LadderCommand {

  static final String FRAMES_DIR = ".work/frames";
  static final String FRAME_PATTERN = FRAMES_DIR + "/f_%05d.jpg";
  static final String MASTER = HlsTranscoder.MASTER_PLAYLIST;
  static final String INIT = "init.mp4";
  private static final Pattern SEGMENT = Pattern.compile("seg_\\d{5,}\\.m4s");

  private LadderCommand() {}

  static List<String> ladder(
      MediaInput input, MediaInfo info, LadderPlan plan, LadderSettings settings) {
    return ladder(input, info, plan, settings, true);
  }

  /** The ladder run; without {@code frames} only for measuring what the frames branch costs. */
  static List<String> ladder(
      MediaInput input, MediaInfo info, LadderPlan plan, LadderSettings settings, boolean frames) {
    FFmpegBuilder builder = common();
    builder
        .addInput(input.url())
        .addExtraArgs(
            "-protocol_whitelist",
            input.protocolWhitelist(),
            "-format_whitelist",
            String.join(",", settings.containers().stream().sorted().toList()),
            "-max_pixels",
            Long.toString(settings.maxPixels()),
            "-t",
            seconds(readLimit(info.duration())));
    builder.setComplexFilter(filterGraph(plan, frames));
    hlsOutput(builder, info, plan, settings);
    if (frames) {
      builder
          .addOutput(FRAME_PATTERN)
          .setFormat("image2")
          .addExtraArgs("-map", "[frames]", "-q:v", "3", "-start_number", "0");
    }
    return builder.build();
  }

  /** Tiles the single frames into sprites; the inputs are our own JPEGs. */
  static List<String> tile(Storyboard board) {
    FFmpegBuilder builder = common();
    builder
        .addInput(FRAME_PATTERN)
        .setFormat("image2")
        .addExtraArgs(
            "-protocol_whitelist",
            "file",
            "-format_whitelist",
            "image2",
            "-framerate",
            "1",
            "-start_number",
            "0");
    builder
        .addOutput("thumbs/sprite_%03d.jpg")
        .setFormat("image2")
        .setVideoFilter(
            String.format(
                Locale.ROOT,
                "scale=%d:%d:flags=area,tile=%dx%d",
                board.tileWidth(),
                board.tileHeight(),
                board.columns(),
                board.rows()))
        .addExtraArgs("-q:v", "4", "-start_number", "0");
    return builder.build();
  }

  private static FFmpegBuilder common() {
    return new FFmpegBuilder()
        .overrideOutputFiles(true)
        .setVerbosity(FFmpegBuilder.Verbosity.ERROR)
        .addProgress(URI.create("pipe:1"))
        .addExtraArgs("-nostdin", "-nostats");
  }

  static String filterGraph(LadderPlan plan, boolean frames) {
    List<PlannedRung> rungs = plan.rungs();
    StringBuilder graph =
        new StringBuilder("[0:V:0]split=").append(rungs.size() + (frames ? 1 : 0));
    for (int i = 0; i < rungs.size(); i++) {
      graph.append("[s").append(i).append(']');
    }
    graph.append(frames ? "[f]" : "");
    appendRungs(graph, rungs);
    if (frames) {
      graph.append(
          String.format(
              Locale.ROOT,
              ";[f]fps=1/%d,scale=%d:%d,setsar=1,format=yuvj420p[frames]",
              plan.thumbnailInterval().toSeconds(),
              plan.posterWidth(),
              plan.posterHeight()));
    }
    return graph.toString();
  }

  private static void appendRungs(StringBuilder graph, List<PlannedRung> rungs) {
    for (int i = 0; i < rungs.size(); i++) {
      PlannedRung rung = rungs.get(i);
      // yuv420p: a 4:2:2, 4:4:4 or 10-bit upload would otherwise give a profile browsers refuse.
      graph.append(
          String.format(
              Locale.ROOT,
              ";[s%d]scale=%d:%d,setsar=1,format=yuv420p[v%d]",
              i,
              rung.width(),
              rung.height(),
              i));
    }
  }

  private static void hlsOutput(
      FFmpegBuilder builder, MediaInfo info, LadderPlan plan, LadderSettings settings) {
    List<PlannedRung> rungs = plan.rungs();
    boolean audio = info.audioCodec().isPresent();
    FFmpegHlsOutputBuilder hls =
        builder
            .addHlsOutput("%v/playlist.m3u8")
            .setHlsTime(settings.segmentSeconds(), TimeUnit.SECONDS)
            .setHlsPlaylistType("vod")
            .setHlsSegmentFileName("%v/seg_%05d.m4s")
            .setMasterPlName(MASTER)
            .setVarStreamMap(variantStreamMap(rungs, audio))
            .setVideoCodec("libx264")
            .setPreset(settings.preset())
            .setConstantRateFactor(settings.crf());
    List<String> args = new ArrayList<>();
    for (int i = 0; i < rungs.size(); i++) {
      args.addAll(List.of("-map", "[v" + i + "]"));
    }
    for (int i = 0; audio && i < rungs.size(); i++) {
      args.addAll(List.of("-map", "0:a:0"));
    }
    for (int i = 0; i < rungs.size(); i++) {
      PlannedRung rung = rungs.get(i);
      args.addAll(List.of("-maxrate:v:" + i, rung.maxrateKbps() + "k"));
      args.addAll(List.of("-bufsize:v:" + i, rung.bufsizeKbps() + "k"));
    }
    args.addAll(
        List.of(
            // Audio that runs past the video would add audio-only segments: stop with the frames.
            "-t",
            seconds(info.duration()),
            // Uploads carry camera, location and author tags; none of it goes to viewers.
            "-map_metadata",
            "-1",
            "-map_chapters",
            "-1",
            "-force_key_frames:v",
            "expr:gte(t,n_forced*" + settings.segmentSeconds() + ")",
            "-hls_segment_type",
            "fmp4",
            "-hls_fmp4_init_filename",
            INIT,
            "-hls_flags",
            // temp_file: a segment gets its final name only once it is complete (SegmentCourier).
            "independent_segments+temp_file"));
    hls.addExtraArgs(args.toArray(String[]::new));
    if (audio) {
      hls.setAudioCodec("aac")
          .setAudioChannels(2)
          .setAudioBitRate(settings.audioBitrateKbps() * 1000L);
    } else {
      hls.disableAudio();
    }
  }

  /** Whether {@code fileName} is a complete media segment (ffmpeg renames it when done). */
  static boolean isSegment(String fileName) {
    return SEGMENT.matcher(fileName).matches();
  }

  static String variantStreamMap(List<PlannedRung> rungs, boolean audio) {
    List<String> variants = new ArrayList<>();
    for (int i = 0; i < rungs.size(); i++) {
      variants.add("v:" + i + (audio ? ",a:" + i : "") + ",name:" + rungs.get(i).name());
    }
    return String.join(" ", variants);
  }

  /** ffmpeg reads a little past the measured duration and never more: no forged hour-long tail. */
  static Duration readLimit(Duration measured) {
    Duration slack = measured.dividedBy(20);
    return measured.plus(
        slack.compareTo(Duration.ofSeconds(2)) > 0 ? slack : Duration.ofSeconds(2));
  }

  static String seconds(Duration d) {
    return String.format(Locale.ROOT, "%.3f", d.toMillis() / 1000.0);
  }
}
