package io.kursfilm.web.video;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Generates test clips with the real ffmpeg (lavfi sources), and scans directories for canaries.
 */
public final class TestMedia {

  private TestMedia() {}

  /** An H.264/AAC MP4 ({@code moov} at the end) with {@code comment} in its metadata. */
  public static Path clip(Path dir, String name, String size, int seconds, String comment)
      throws IOException, InterruptedException {
    Path out = dir.resolve(name);
    ffmpeg(
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
        "aac",
        "-metadata",
        "comment=" + comment,
        out.toString());
    return out;
  }

  public static void ffmpeg(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("/usr/bin/ffmpeg", "-y", "-v", "error"));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException("ffmpeg failed: " + output);
    }
  }

  /** Files under {@code root} (if it exists and is readable) whose bytes contain {@code canary}. */
  public static List<Path> filesContaining(Path root, String canary) throws IOException {
    if (!Files.isReadable(root)) {
      return List.of();
    }
    byte[] needle = canary.getBytes();
    List<Path> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        if (Files.isReadable(file) && contains(Files.readAllBytes(file), needle)) {
          found.add(file);
        }
      }
    }
    return found;
  }

  private static boolean contains(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
