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
 * and a scrubbing storyboard, handing every file to the caller's {@link OutputSink} as soon as it
 * is final: media segments while ffmpeg still runs, the rest once the output proved complete. A
 * private scratch directory holds only what is in the making. Stateless and safe to share; each
 * call blocks its thread, and one transcode at a time per node is the efficient use of the CPU
 * (docs/architecture.md).
 *
 * <p>Names handed over: {@code master.m3u8}, {@code <p>p/playlist.m3u8}, {@code <p>p/init.mp4},
 * {@code <p>p/seg_00000.m4s}…, {@code poster.jpg}, {@code thumbs/sprite_000.jpg}… and {@code
 * thumbs/storyboard.vtt}, where {@code <p>} is a rung's shorter side.
 */
public final class HlsTranscoder {

  /** The playlist handed over last: its presence says the rendition is complete. */
  public static final String MASTER_PLAYLIST = "master.m3u8";

  private static final String WORK = ".work";

  private final LadderSettings settings;
  private final FfmpegRunner runner;

  public HlsTranscoder(FfmpegInstallation ffmpeg, LadderSettings settings) {
    this.settings = settings;
    this.runner =
        new FfmpegRunner(
            ffmpeg.ffmpeg(), ffmpeg.sandbox(), settings.stallTimeout(), settings.killGrace());
  }

  /**
   * Blocks until done. outputDir must exist, be empty and private (0700); it is empty again when
   * this returns or throws. Having handed files to the sink means nothing until this returns
   * normally: after an exception the caller discards them.
   *
   * @param info what {@code InputProbe} measured; the duration is the yardstick for progress,
   *     timeouts and the completeness check
   * @param sink receives each output file once it is final; its failure stops ffmpeg
   * @throws TranscodeFailedException ffmpeg failed, stalled, timed out or left an incomplete output
   * @throws TranscodeCancelledException the token was cancelled or the thread interrupted
   * @throws IOException ffmpeg could not be started, the output directory not written, or the sink
   *     failed
   * @throws IllegalArgumentException the output directory is missing, not empty or not private
   */
  public TranscodeResult transcode(
      MediaInput input,
      MediaInfo info,
      Path outputDir,
      OutputSink sink,
      ProgressListener progress,
      CancelToken cancel)
      throws TranscodeFailedException, TranscodeCancelledException, IOException {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(info, "info");
    Objects.requireNonNull(sink, "sink");
    Objects.requireNonNull(progress, "progress");
    Objects.requireNonNull(cancel, "cancel");
    OutputDirectory.requireEmptyAndPrivate(outputDir);
    LadderPlan plan = LadderPlan.of(info, settings);
    ProgressMeter meter = new ProgressMeter(progress);
    meter.report(0);
    TranscodeResult result;
    try {
      result = run(input, info, plan, outputDir, new HandedOver(sink), meter, cancel);
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
    // Every file went to the sink; only the empty directories are left.
    OutputDirectory.empty(outputDir);
    meter.report(100);
    return result;
  }

  private TranscodeResult run(
      MediaInput input,
      MediaInfo info,
      LadderPlan plan,
      Path outputDir,
      HandedOver handedOver,
      ProgressMeter meter,
      CancelToken cancel)
      throws TranscodeFailedException, TranscodeCancelledException, IOException {
    Path tmp = outputDir.resolve(WORK).resolve("tmp");
    // Inside the private output directory, so no ffmpeg temp file can land in /tmp.
    Files.createDirectories(tmp);
    Files.createDirectories(outputDir.resolve(LadderCommand.FRAMES_DIR));
    Files.createDirectories(outputDir.resolve("thumbs"));
    Duration duration = info.duration();
    ladder(input, info, plan, outputDir, tmp, handedOver, meter, cancel);
    meter.report(ProgressMeter.LADDER_DONE);
    HlsOutput.Verified verified =
        HlsOutput.verify(outputDir, plan, duration, settings, handedOver.sizes());
    storyboard(plan, duration, outputDir, tmp, cancel);
    OutputDirectory.delete(outputDir.resolve(WORK));
    for (String file : OutputDirectory.files(outputDir)) {
      handedOver.handOver(file, outputDir.resolve(file));
    }
    meter.report(99);
    return new TranscodeResult(
        verified.duration(), verified.renditions(), List.copyOf(handedOver.sizes().keySet()));
  }

  /** The ladder run, with its segments carried to the sink while ffmpeg writes the next ones. */
  private void ladder(
      MediaInput input,
      MediaInfo info,
      LadderPlan plan,
      Path outputDir,
      Path tmp,
      HandedOver handedOver,
      ProgressMeter meter,
      CancelToken cancel)
      throws TranscodeFailedException, TranscodeCancelledException, IOException {
    List<String> rungs = plan.rungs().stream().map(PlannedRung::name).toList();
    for (String rung : rungs) {
      Files.createDirectories(outputDir.resolve(rung));
    }
    SegmentCourier courier = SegmentCourier.start(outputDir, rungs, handedOver, cancel);
    Duration duration = info.duration();
    try {
      runner.run(
          LadderCommand.ladder(input, info, plan, settings),
          outputDir,
          tmp,
          settings.timeoutFor(duration),
          micros -> meter.ladder(micros, duration),
          courier.token(),
          input);
    } catch (TranscodeCancelledException e) {
      courier.stop();
      // The courier stops ffmpeg through its token when the sink fails: report that, not a cancel.
      courier.rethrowFailure();
      throw e;
    } finally {
      courier.stop();
    }
    courier.rethrowFailure();
    courier.sweep();
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
