package io.kursfilm.transcoder.hls;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** The caller's private output directory: checked before a transcode, emptied after a failure. */
final class OutputDirectory {

  private OutputDirectory() {}

  /** Refuses a directory that is missing, not empty, or readable by others than its owner. */
  static void requireEmptyAndPrivate(Path dir) throws IOException {
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      throw new IllegalArgumentException("output directory does not exist");
    }
    try (Stream<Path> entries = Files.list(dir)) {
      if (entries.findAny().isPresent()) {
        throw new IllegalArgumentException("output directory is not empty");
      }
    }
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(dir);
      if (!Set.of(
              PosixFilePermission.OWNER_READ,
              PosixFilePermission.OWNER_WRITE,
              PosixFilePermission.OWNER_EXECUTE)
          .containsAll(permissions)) {
        throw new IllegalArgumentException("output directory is not private (0700)");
      }
    }
  }

  /** Deletes everything below {@code dir}, keeping {@code dir} itself; links are not followed. */
  static void empty(Path dir) throws IOException {
    try (Stream<Path> entries = Files.walk(dir)) {
      for (Path p : entries.sorted(Comparator.reverseOrder()).toList()) {
        if (!p.equals(dir)) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  /** Deletes {@code path} and everything below it, if present. */
  static void delete(Path path) throws IOException {
    if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
      empty(path);
      Files.delete(path);
    }
  }

  /** Every regular file below {@code dir}, relative and {@code /}-separated, sorted. */
  static List<String> files(Path dir) throws IOException {
    try (Stream<Path> entries = Files.walk(dir)) {
      return entries
          .filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
          .map(p -> dir.relativize(p).toString().replace('\\', '/'))
          .sorted()
          .toList();
    }
  }
}
