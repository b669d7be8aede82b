package io.kursfilm.transcoder.hls;

import io.kursfilm.transcoder.FfmpegInstallation;
import io.kursfilm.transcoder.MediaInput;
import io.kursfilm.transcoder.probe.InputProbe;
import io.kursfilm.transcoder.probe.MediaInfo;
import io.kursfilm.transcoder.probe.ProbeLimits;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Cost of the ladder on a generated 1080p30 H.264/AAC clip (not a JUnit test; run by {@code
 * infra/bench/transcode}): the ladder command through ffmpeg-cli-wrapper with our runner vs the
 * identical command line run directly (CPU seconds of this JVM plus its reaped children, side by
 * side, alternating order), the whole {@link HlsTranscoder} in × realtime, and what the storyboard
 * frames cost as a branch of the ladder graph vs a second decoding pass. Peak RSS of ffmpeg is
 * sampled from {@code /proc}, and the peak bytes in the transcode's scratch directory (a tmpfs in
 * production) by walking it every 50 ms; the whole transcode hands its files to a sink that reads
 * them, as sealing would. Settings: {@code bench.seconds} (default 60), {@code bench.repeats}
 * (default 1), {@code bench.transcodeOnly} (only the whole transcode).
 */
public final class TranscodeBench {

  private static final FfmpegInstallation FFMPEG =
      new FfmpegInstallation(Path.of("/usr/bin/ffmpeg"), Path.of("/usr/bin/ffprobe"));
  private static final LadderSettings SETTINGS = LadderSettings.defaults();

  /** CPU seconds (JVM and reaped children), wall seconds and ffmpeg's peak RSS of one step. */
  record Step(double cpu, double wall, long peakRssKb) {}

  public static void main(String[] args) throws Exception {
    String ladderOf = System.getProperty("bench.ladderOf");
    if (ladderOf != null) {
      bareLadder(Path.of(ladderOf));
      return;
    }
    int seconds = Integer.getInteger("bench.seconds", 60);
    int repeats = Integer.getInteger("bench.repeats", 1);
    Path dir = Files.createTempDirectory("kf-transcode-bench");
    try {
      Path clip = dir.resolve("clip.mp4");
      direct(dir, generate(clip, seconds));
      MediaInfo info = new InputProbe(FFMPEG, ProbeLimits.defaults()).probe(clip);
      MediaInput input = MediaInput.file(clip);
      LadderPlan plan = LadderPlan.of(info, SETTINGS);
      System.out.printf(
          "clip %d s 1920x1080p30 H.264/AAC, %.1f MB; %d cores; rungs %s%n",
          seconds,
          Files.size(clip) / 1e6,
          Runtime.getRuntime().availableProcessors(),
          plan.rungs().stream().map(PlannedRung::name).toList());
      boolean transcodeOnly = Boolean.getBoolean("bench.transcodeOnly");
      if (!transcodeOnly) {
        compareWrapper(dir, input, info, plan, repeats, seconds);
      }
      wholeTranscode(dir, input, info, seconds);
      if (!transcodeOnly) {
        framesBranchVsSecondPass(dir, clip, input, info, plan);
      }
    } finally {
      OutputDirectory.delete(dir);
    }
  }

  /**
   * Only the bare ladder command line on {@code clip}, run directly: the baseline that the app's
   * upload-to-review time is set against (infra/bench/review-ready). Prints the wall seconds.
   */
  private static void bareLadder(Path clip) throws Exception {
    Path dir = Files.createTempDirectory("kf-bare-ladder");
    try {
      MediaInfo info = new InputProbe(FFMPEG, ProbeLimits.defaults()).probe(clip);
      List<String> ladder =
          LadderCommand.ladder(
              MediaInput.file(clip), info, LadderPlan.of(info, SETTINGS), SETTINGS);
      Path out = freshOutput(dir);
      Step step = measure(() -> direct(out, ladder));
      System.out.printf("bare-ladder-wall-seconds %.2f cpu %.1f%n", step.wall(), step.cpu());
    } finally {
      OutputDirectory.delete(dir);
    }
  }

  private static void compareWrapper(
      Path dir, MediaInput input, MediaInfo info, LadderPlan plan, int repeats, int seconds)
      throws Exception {
    List<String> ladder = LadderCommand.ladder(input, info, plan, SETTINGS);
    FfmpegRunner runner =
        new FfmpegRunner(
            FFMPEG.ffmpeg(), FFMPEG.sandbox(), SETTINGS.stallTimeout(), SETTINGS.killGrace());
    double directCpu = 0;
    double wrapperCpu = 0;
    for (int i = 0; i < repeats; i++) {
      for (boolean wrapperFirst : new boolean[] {i % 2 == 1, i % 2 == 0}) {
        Path out = freshOutput(dir);
        Step step =
            wrapperFirst
                ? measure(
                    () ->
                        runner.run(
                            ladder,
                            out,
                            out.resolve(".work/tmp"),
                            SETTINGS.timeoutFor(info.duration()),
                            micros -> {},
                            new CancelToken(),
                            input))
                : measure(() -> direct(out, ladder));
        print(wrapperFirst ? "ladder via wrapper" : "ladder direct", step, seconds);
        if (wrapperFirst) {
          wrapperCpu += step.cpu();
        } else {
          directCpu += step.cpu();
        }
        OutputDirectory.delete(out);
      }
    }
    System.out.printf(
        "ratio = direct/wrapper = %.3f (CPU %.1f s / %.1f s; target >= 0.97)%n",
        directCpu / wrapperCpu, directCpu, wrapperCpu);
  }

  private static void wholeTranscode(Path dir, MediaInput input, MediaInfo info, int seconds)
      throws Exception {
    Path out = Files.createDirectory(dir.resolve("transcode"), privateDir());
    TranscodeResult[] result = new TranscodeResult[1];
    AtomicLong handedOver = new AtomicLong();
    OutputSink reader =
        (name, file) -> {
          try (InputStream in = Files.newInputStream(file)) {
            handedOver.addAndGet(in.transferTo(OutputStreamNull.INSTANCE));
          }
        };
    ScratchSampler scratch = new ScratchSampler(out);
    Thread sampler = new Thread(scratch, "scratch-sampler");
    sampler.setDaemon(true);
    sampler.start();
    Step step;
    try {
      step =
          measure(
              () ->
                  result[0] =
                      new HlsTranscoder(FFMPEG, SETTINGS)
                          .transcode(input, info, out, reader, p -> {}, new CancelToken()));
    } finally {
      sampler.interrupt();
      sampler.join();
    }
    print("HlsTranscoder (ladder + storyboard + checks)", step, seconds);
    System.out.printf(
        "  -> %.2f x realtime, %d files, %.1f MB handed over, scratch directory peak %.1f MB%n"
            + "  renditions %s%n",
        seconds / step.wall(),
        result[0].files().size(),
        handedOver.get() / 1e6,
        scratch.peak.get() / 1e6,
        result[0].renditions());
    OutputDirectory.delete(out);
  }

  private static void framesBranchVsSecondPass(
      Path dir, Path clip, MediaInput input, MediaInfo info, LadderPlan plan) throws Exception {
    String scale =
        "fps=1/"
            + plan.thumbnailInterval().toSeconds()
            + ",scale="
            + plan.posterWidth()
            + ":"
            + plan.posterHeight();
    Path out = freshOutput(dir);
    Files.createDirectories(out.resolve(LadderCommand.FRAMES_DIR));
    Step pass =
        measure(
            () ->
                direct(
                    out,
                    List.of(
                        "-nostdin",
                        "-v",
                        "error",
                        "-i",
                        clip.toString(),
                        "-vf",
                        scale,
                        "-q:v",
                        "3",
                        LadderCommand.FRAME_PATTERN)));
    Step decode =
        measure(
            () ->
                direct(
                    out,
                    List.of(
                        "-nostdin",
                        "-v",
                        "error",
                        "-i",
                        clip.toString(),
                        "-map",
                        "0:v:0",
                        "-f",
                        "null",
                        "-")));
    OutputDirectory.delete(out);
    System.out.printf(
        "storyboard frames: second pass %.1f CPU-s / %.1f s wall; of which decoding %.1f CPU-s,"
            + " so the same frames as a ladder branch cost ~%.1f CPU-s%n",
        pass.cpu(), pass.wall(), decode.cpu(), Math.max(0, pass.cpu() - decode.cpu()));
  }

  private interface Action {
    void run() throws Exception;
  }

  private static Step measure(Action action) throws Exception {
    RssSampler sampler = new RssSampler();
    Thread thread = new Thread(sampler, "rss-sampler");
    thread.setDaemon(true);
    thread.start();
    double cpu0 = jvmCpu() + childrenCpu();
    long wall0 = System.nanoTime();
    try {
      action.run();
    } finally {
      thread.interrupt();
      thread.join();
    }
    double wall = (System.nanoTime() - wall0) / 1e9;
    return new Step(jvmCpu() + childrenCpu() - cpu0, wall, sampler.peak.get());
  }

  /** The same arguments run with a plain ProcessBuilder, stdout read and thrown away. */
  private static Path direct(Path workDir, List<String> args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(FFMPEG.ffmpeg().toString());
    command.addAll(args);
    Process p =
        new ProcessBuilder(command)
            .directory(workDir.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    try (InputStream in = p.getInputStream()) {
      in.transferTo(OutputStreamNull.INSTANCE);
    }
    if (p.waitFor() != 0) {
      throw new IOException("ffmpeg exited " + p.exitValue() + ": " + command);
    }
    return workDir;
  }

  private static List<String> generate(Path clip, int seconds) {
    return List.of(
        "-nostdin",
        "-y",
        "-v",
        "error",
        "-f",
        "lavfi",
        "-i",
        "testsrc2=size=1920x1080:rate=30:duration=" + seconds,
        "-f",
        "lavfi",
        "-i",
        "sine=frequency=440:duration=" + seconds,
        "-c:v",
        "libx264",
        "-preset",
        "superfast",
        "-crf",
        "20",
        "-c:a",
        "aac",
        "-shortest",
        clip.toString());
  }

  private static Path freshOutput(Path dir) throws IOException {
    Path out = Files.createTempDirectory(dir, "out", privateDir());
    Files.createDirectories(out.resolve(".work/tmp"));
    Files.createDirectories(out.resolve(LadderCommand.FRAMES_DIR));
    return out;
  }

  private static java.nio.file.attribute.FileAttribute<?> privateDir() {
    return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
  }

  private static void print(String what, Step step, int seconds) {
    System.out.printf(
        "%-46s %6.1f CPU-s %6.1f s wall (%.2f x realtime), ffmpeg peak RSS %d MB%n",
        what, step.cpu(), step.wall(), seconds / step.wall(), step.peakRssKb() / 1024);
  }

  private static double jvmCpu() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
            .getProcessCpuTime()
        / 1e9;
  }

  /** cutime + cstime of this JVM: CPU of every child it has reaped, including ffmpeg. */
  private static double childrenCpu() throws IOException {
    String stat = Files.readString(Path.of("/proc/self/stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    // After the command name: state is field 3, cutime field 16, cstime field 17.
    return (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) / 100.0;
  }

  /** Samples VmHWM of every ffmpeg child every 100 ms and keeps the largest. */
  private static final class RssSampler implements Runnable {
    final AtomicLong peak = new AtomicLong();

    @Override
    public void run() {
      while (!Thread.currentThread().isInterrupted()) {
        ProcessHandle.current()
            .descendants()
            .forEach(
                p -> {
                  try {
                    for (String line :
                        Files.readAllLines(Path.of("/proc/" + p.pid() + "/status"))) {
                      if (line.startsWith("VmHWM:")) {
                        long kb = Long.parseLong(line.replaceAll("\\D", ""));
                        peak.accumulateAndGet(kb, Math::max);
                      }
                    }
                  } catch (IOException | RuntimeException e) {
                    // The process ended between listing and reading.
                  }
                });
        try {
          Thread.sleep(100);
        } catch (InterruptedException e) {
          return;
        }
      }
    }
  }

  /** Samples the bytes below a directory every 50 ms and keeps the largest total. */
  private static final class ScratchSampler implements Runnable {
    final AtomicLong peak = new AtomicLong();
    private final Path dir;

    ScratchSampler(Path dir) {
      this.dir = dir;
    }

    @Override
    public void run() {
      while (!Thread.currentThread().isInterrupted()) {
        try (var files = Files.walk(dir)) {
          long total =
              files
                  .mapToLong(
                      p -> {
                        try {
                          return Files.isRegularFile(p) ? Files.size(p) : 0;
                        } catch (IOException e) {
                          return 0; // handed over and deleted between listing and measuring
                        }
                      })
                  .sum();
          peak.accumulateAndGet(total, Math::max);
        } catch (IOException | java.io.UncheckedIOException e) {
          // A directory vanished while walking: the next sample sees the new state.
        }
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          return;
        }
      }
    }
  }

  private static final class OutputStreamNull extends java.io.OutputStream {
    static final OutputStreamNull INSTANCE = new OutputStreamNull();

    @Override
    public void write(int b) {}

    @Override
    public void write(byte[] b, int off, int len) {}
  }
}
