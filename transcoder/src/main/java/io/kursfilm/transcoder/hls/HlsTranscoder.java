package io.kursfilm.transcoder.hls;

import io.kursfilm.transcoder.FfmpegInstallation;
import io.kursfilm.transcoder.MediaInput;
import io.kursfilm.transcoder.probe.MediaInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Turns an upload that passed {@code InputProbe} into an HLS ladder (fMP4, 4 s segments), a poster
 * and a scrubbing storyboard in a private directory. Stateless and safe to share; each call blocks
 * its thread, and one transcode at a time per node is the efficient use of the CPU (DESIGN.md).
 *
 * <p>Layout of a successful output: {@code master.m3u8}, {@code <p>p/playlist.m3u8}, {@code
 * <p>p/init.mp4}, {@code <p>p/seg_00000.m4s}…, {@code poster.jpg}, {@code thumbs/sprite_000.jpg}…
 * and {@code thumbs/storyboard.vtt}, where {@code <p>} is a rung's shorter side.
 */
public final class HlsTranscoder {

  private static final String WORK = ".work";

  private final LadderSettings settings;
  private final FfmpegRunner runner;

  public HlsTranscoder(FfmpegInstallation ffmpeg, LadderSettings settings) {
    this.settings = settings;
    this.runner = new FfmpegRunner(ffmpeg.ffmpeg(), settings.stallTimeout(), settings.killGrace());
  }

  /**
   * Blocks until done. outputDir must exist, be empty and private (0700). On failure or cancel it
   * is emptied before the exception leaves.
   *
   * @param info what {@code InputProbe} measured; the duration is the yardstick for progress,
   *     timeouts and the completeness check
   * @throws TranscodeFailedException ffmpeg failed, stalled, timed out or left an incomplete output
   * @throws TranscodeCancelledException the token was cancelled or the thread interrupted
   * @throws IOException ffmpeg could not be started or the output directory not written
   * @throws IllegalArgumentException the output directory is missing, not empty or not private
   */
  public TranscodeResult transcode(
      MediaInput input,
      MediaInfo info,
      Path outputDir,
      ProgressListener progress,
      CancelToken cancel)
      throws TranscodeFailedException, TranscodeCancelledException, IOException {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(info, "info");
    Objects.requireNonNull(progress, "progress");
    Objects.requireNonNull(cancel, "cancel");
    OutputDirectory.requireEmptyAndPrivate(outputDir);
    LadderPlan plan = LadderPlan.of(info, settings);
    ProgressMeter meter = new ProgressMeter(progress);
    meter.report(0);
    try {
      TranscodeResult result = run(input, info, plan, outputDir, meter, cancel);
      meter.report(100);
      return result;
    } catch (TranscodeFailedException
        | TranscodeCancelledException
        | IOException
        | RuntimeException e) {
      try {
        OutputDirectory.empty(outputDir);
      } catch (IOException | RuntimeException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
  }

  private TranscodeResult run(
      MediaInput input,
      MediaInfo info,
      LadderPlan plan,
      Path outputDir,
      ProgressMeter meter,
      CancelToken cancel)
      throws TranscodeFailedException, TranscodeCancelledException, IOException {
    Path tmp = outputDir.resolve(WORK).resolve("tmp");
    // Inside the private output directory, so no ffmpeg temp file can land in /tmp.
    Files.createDirectories(tmp);
    Files.createDirectories(outputDir.resolve(LadderCommand.FRAMES_DIR));
    Files.createDirectories(outputDir.resolve("thumbs"));
    Duration duration = info.duration();
    runner.run(
        LadderCommand.ladder(input, info, plan, settings),
        outputDir,
        tmp,
        settings.timeoutFor(duration),
        micros -> meter.ladder(micros, duration),
        cancel,
        input.url());
    meter.report(ProgressMeter.LADDER_DONE);
    HlsOutput.Verified verified = HlsOutput.verify(outputDir, plan, duration, settings);
    storyboard(plan, duration, outputDir, tmp, cancel);
    meter.report(99);
    OutputDirectory.delete(outputDir.resolve(WORK));
    return new TranscodeResult(
        verified.duration(), verified.renditions(), OutputDirectory.files(outputDir));
  }

  /** Tiles the single frames into sprites, writes the VTT and keeps one frame as the poster. */
  private void storyboard(
      LadderPlan plan, Duration duration, Path outputDir, Path tmp, CancelToken cancel)
      throws TranscodeFailedException, TranscodeCancelledException, IOException {
    List<Path> frames;
    try (Stream<Path> list = Files.list(outputDir.resolve(LadderCommand.FRAMES_DIR))) {
      frames = list.sorted().toList();
    }
    if (frames.isEmpty()) {
      throw new TranscodeFailedException(
          TranscodeFailedException.Reason.INVALID_OUTPUT, "no thumbnail frames");
    }
    Storyboard board =
        Storyboard.layout(
            frames.size(),
            plan.thumbnailInterval(),
            duration,
            plan.thumbnailWidth(),
            plan.thumbnailHeight());
    runner.run(
        LadderCommand.tile(board),
        outputDir,
        tmp,
        settings.timeoutBase(),
        micros -> {},
        cancel,
        null);
    for (int i = 0; i < board.sprites(); i++) {
      if (!Files.isRegularFile(outputDir.resolve("thumbs").resolve(Storyboard.spriteName(i)))) {
        throw new TranscodeFailedException(
            TranscodeFailedException.Reason.INVALID_OUTPUT, "sprite " + i + " missing");
      }
    }
    Files.writeString(outputDir.resolve(Storyboard.VTT), board.vtt(), StandardCharsets.UTF_8);
    // A fifth into the video is past most fade-ins and title cards.
    Files.move(frames.get(frames.size() / 5), outputDir.resolve("poster.jpg"));
  }
}
