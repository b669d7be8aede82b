package io.kursfilm.transcoder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Generates test inputs with the real ffmpeg, for the probe, loopback, HLS and job tests. */
public final class TestFfmpeg {

  /** The Debian ffmpeg the tests run. */
  public static final FfmpegInstallation INSTALLATION =
      new FfmpegInstallation(Path.of("/usr/bin/ffmpeg"), Path.of("/usr/bin/ffprobe"));

  private TestFfmpeg() {}

  /** Runs ffmpeg quietly with {@code args}; fails with its output on a non-zero exit. */
  public static void ffmpeg(String... args) throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(List.of("/usr/bin/ffmpeg", "-nostdin", "-y", "-v", "error"));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IOException("ffmpeg failed: " + out);
    }
  }

  /** A 3 s 320x240 H.264/AAC MP4; ffmpeg's default puts {@code moov} at the end. */
  public static Path smallMp4(Path out) throws IOException, InterruptedException {
    ffmpeg(
        "-f",
        "lavfi",
        "-i",
        "testsrc=size=320x240:rate=25:duration=3",
        "-f",
        "lavfi",
        "-i",
        "sine=duration=3",
        "-c:v",
        "libx264",
        "-preset",
        "ultrafast",
        "-c:a",
        "aac",
        "-shortest",
        out.toString());
    return out;
  }

  /** A 720p25 H.264/AAC MP4 of {@code seconds}, cheap to encode ({@code moov} at the end). */
  public static Path hdMp4(Path out, int seconds) throws IOException, InterruptedException {
    return mp4(out, "1280x720", seconds);
  }

  /**
   * A 25 fps H.264/AAC MP4 of {@code size} (e.g. {@code 640x360}) and {@code seconds}, cheap to
   * encode ({@code moov} at the end); {@code extra} output options go before the file name.
   */
  public static Path mp4(Path out, String size, int seconds, String... extra)
      throws IOException, InterruptedException {
    List<String> args =
        new ArrayList<>(
            List.of(
                "-f",
                "lavfi",
                "-i",
                "testsrc2=size=" + size + ":rate=25:duration=" + seconds,
                "-f",
                "lavfi",
                "-i",
                "sine=frequency=440:duration=" + seconds,
                "-c:v",
                "libx264",
                "-preset",
                "ultrafast",
                "-crf",
                "30",
                "-pix_fmt",
                "yuv420p",
                "-c:a",
                "aac"));
    args.addAll(List.of(extra));
    args.add(out.toString());
    ffmpeg(args.toArray(String[]::new));
    return out;
  }
}
