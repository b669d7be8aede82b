package io.kursfilm.transcoder.hls;

import io.kursfilm.transcoder.MediaInput;
import io.kursfilm.transcoder.ProcessSandbox;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import net.bramp.ffmpeg.FFmpeg;
import net.bramp.ffmpeg.ProcessFunction;

/**
 * Runs one ffmpeg command through ffmpeg-cli-wrapper with what the wrapper lacks: the process is
 * started by our own {@link ProcessFunction} inside the {@link ProcessSandbox} (empty environment,
 * only the work directory writable), a {@link Watchdog} enforces cancel, stall and overall
 * timeouts, and the outcome is judged on the real exit code. Progress comes from {@code -progress
 * pipe:1} on stdout, which the wrapper copies into a {@link ProgressParser}.
 */
final class FfmpegRunner {

  private final Path binary;
  private final ProcessSandbox sandbox;
  private final Duration stallTimeout;
  private final Duration killGrace;

  FfmpegRunner(Path binary, ProcessSandbox sandbox, Duration stallTimeout, Duration killGrace) {
    this.binary = binary;
    this.sandbox = sandbox;
    this.stallTimeout = stallTimeout;
    this.killGrace = killGrace;
  }

  /**
   * Runs ffmpeg with {@code args} in {@code workDir} and returns once it exited 0. The process is
   * gone when this returns or throws.
   *
   * @param tmpDir ffmpeg's {@code TMPDIR}, inside the private output so nothing lands in /tmp
   * @param outTimeMicros told each time ffmpeg's output time advances
   * @param input what ffmpeg reads besides {@code workDir} (the sandbox grants it; its URL is
   *     replaced in error messages), or {@code null}
   */
  void run(
      List<String> args,
      Path workDir,
      Path tmpDir,
      Duration timeout,
      LongConsumer outTimeMicros,
      CancelToken cancel,
      MediaInput input)
      throws TranscodeFailedException, TranscodeCancelledException, IOException {
    if (cancel.cancelled() || Thread.currentThread().isInterrupted()) {
      throw new TranscodeCancelledException();
    }
    Launcher launcher = new Launcher(sandbox, workDir, tmpDir, input, killGrace.toMillis());
    // One wrapper instance per run: it holds the stdout sink, and its constructor checks the
    // binary with -version (before anything is watched).
    FFmpeg ffmpeg = new FFmpeg(binary.toString(), launcher);
    ProgressParser progress = new ProgressParser(outTimeMicros);
    ffmpeg.setProcessOutputStream(progress);
    Watchdog watchdog =
        new Watchdog(cancel, Thread.currentThread(), progress, stallTimeout, timeout, killGrace);
    launcher.onStart = watchdog::watch;
    IOException wrapperError = null;
    try {
      ffmpeg.run(args);
    } catch (IOException e) {
      wrapperError = e;
    } finally {
      watchdog.stop();
      if (launcher.watched != null) {
        Watchdog.terminate(launcher.watched.real(), killGrace);
      }
    }
    judge(launcher.watched, watchdog.verdict(), wrapperError, input == null ? null : input.url());
  }

  private static void judge(
      ObservedProcess process, Watchdog.Verdict verdict, IOException wrapperError, String redact)
      throws TranscodeFailedException, TranscodeCancelledException, IOException {
    if (verdict == Watchdog.Verdict.CANCELLED) {
      throw new TranscodeCancelledException();
    }
    if (verdict == Watchdog.Verdict.STALLED) {
      throw new TranscodeFailedException(TranscodeFailedException.Reason.STALLED, "no progress");
    }
    if (verdict == Watchdog.Verdict.TIMED_OUT) {
      throw new TranscodeFailedException(TranscodeFailedException.Reason.TIMED_OUT, "too slow");
    }
    if (process == null) {
      throw wrapperError != null ? wrapperError : new IOException("ffmpeg did not start");
    }
    int exit = process.exitValue();
    if (exit != 0 || wrapperError != null) {
      String tail = process.stderrTail();
      String lastLine = tail.isEmpty() ? "" : tail.substring(tail.lastIndexOf('\n') + 1);
      if (redact != null && !redact.isEmpty()) {
        lastLine = lastLine.replace(redact, "<input>");
      }
      throw new TranscodeFailedException(
          TranscodeFailedException.Reason.FFMPEG_FAILED, "ffmpeg exited " + exit + ": " + lastLine);
    }
  }

  /** Starts ffmpeg processes for the wrapper and hands the one to watch to the watchdog. */
  private static final class Launcher implements ProcessFunction {

    private final ProcessSandbox sandbox;
    private final Path workDir;
    private final List<Path> readable;
    private final Map<String, String> environment;
    private final long minWaitMillis;
    volatile Consumer<Process> onStart;
    volatile ObservedProcess watched;

    Launcher(
        ProcessSandbox sandbox, Path workDir, Path tmpDir, MediaInput input, long minWaitMillis) {
      this.sandbox = sandbox;
      this.workDir = workDir;
      this.readable = input == null ? List.of() : input.readable();
      Map<String, String> env = new HashMap<>(input == null ? Map.of() : input.environment());
      env.put("TMPDIR", tmpDir.toString());
      this.environment = env;
      this.minWaitMillis = minWaitMillis;
    }

    @Override
    public Process run(List<String> command) throws IOException {
      ProcessBuilder builder = sandbox.builder(command, workDir, readable, environment);
      ObservedProcess process = new ObservedProcess(builder.start(), minWaitMillis);
      Consumer<Process> hook = onStart;
      if (hook != null) {
        watched = process;
        hook.accept(process.real());
      }
      return process;
    }
  }
}
