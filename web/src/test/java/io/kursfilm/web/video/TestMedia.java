package io.kursfilm.web.video;

import io.kursfilm.transcoder.TestFfmpeg;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Test clips (made by the transcoder's {@link TestFfmpeg}) and canary scans of directories. */
public final class TestMedia {

  private TestMedia() {}

  /** An H.264/AAC MP4 ({@code moov} at the end) with {@code comment} in its metadata. */
  public static Path clip(Path dir, String name, String size, int seconds, String comment)
      throws IOException, InterruptedException {
    return TestFfmpeg.mp4(dir.resolve(name), size, seconds, "-metadata", "comment=" + comment);
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
