package io.kursfilm.transcoder;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ffmpeg and ffprobe binaries this node uses and the {@link ProcessSandbox} every run of them
 * goes through. Knows how to tell whether they are present and runnable in that sandbox, which the
 * readiness check and the worker ask before taking jobs.
 */
public final class FfmpegInstallation {

  private static final Pattern VERSION = Pattern.compile("^ff(?:mpeg|probe) version (\\S+)");

  private final Path ffmpeg;
  private final Path ffprobe;
  private final ProcessSandbox sandbox;

  /** The binaries, run under bubblewrap. */
  public FfmpegInstallation(Path ffmpeg, Path ffprobe) {
    this(ffmpeg, ffprobe, ProcessSandbox.bwrap());
  }

  public FfmpegInstallation(Path ffmpeg, Path ffprobe, ProcessSandbox sandbox) {
    this.ffmpeg = ffmpeg;
    this.ffprobe = ffprobe;
    this.sandbox = sandbox;
  }

  public Path ffmpeg() {
    return ffmpeg;
  }

  public Path ffprobe() {
    return ffprobe;
  }

  public ProcessSandbox sandbox() {
    return sandbox;
  }

  /**
   * Runs both binaries with {@code -version} in the sandbox (so a missing or broken bubblewrap
   * shows here too).
   *
   * @return the ffmpeg version string
   * @throws IllegalStateException when either is missing or does not answer in time
   */
  public String verify() {
    String version = versionOf(ffmpeg);
    versionOf(ffprobe);
    return version;
  }

  static Optional<String> parseVersion(String firstLine) {
    Matcher m = VERSION.matcher(firstLine == null ? "" : firstLine.strip());
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  private String versionOf(Path binary) {
    ProcessBuilder pb =
        sandbox.builder(
            List.of(binary.toString(), "-hide_banner", "-version"), null, List.of(), Map.of());
    pb.redirectErrorStream(true);
    try {
      Process process = pb.start();
      String output;
      try (InputStream in = process.getInputStream()) {
        output = new String(in.readNBytes(4096), StandardCharsets.UTF_8);
      }
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(binary.getFileName() + " did not answer");
      }
      if (process.exitValue() != 0) {
        throw new IllegalStateException(binary.getFileName() + " exited " + process.exitValue());
      }
      return parseVersion(output.lines().findFirst().orElse(""))
          .orElseThrow(() -> new IllegalStateException(binary.getFileName() + " unrecognised"));
    } catch (IOException e) {
      throw new IllegalStateException(binary.getFileName() + " not runnable", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
