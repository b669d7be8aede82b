package io.kursfilm.transcoder.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Private scratch directories for ffmpeg's output, under a root that should be a tmpfs (the default
 * is /dev/shm where it exists), so rendered segments wait for sealing in memory, not on a disk.
 * Each job's directory is 0700 and removed whatever the outcome.
 */
public final class Workspace {

  private static final String PREFIX = "kursfilm-job-";

  private final Path root;

  public Workspace(Path root) {
    this.root = root;
  }

  /** /dev/shm when writable (a tmpfs on Linux), else the JVM's temp directory. */
  public static Workspace standard() {
    Path shm = Path.of("/dev/shm");
    return new Workspace(
        Files.isDirectory(shm) && Files.isWritable(shm)
            ? shm
            : Path.of(System.getProperty("java.io.tmpdir")));
  }

  public Path root() {
    return root;
  }

  public Path create(String videoId) throws IOException {
    Files.createDirectories(root);
    return Files.createTempDirectory(
        root,
        PREFIX + ProcessHandle.current().pid() + "-" + videoId + "-",
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
  }

  /**
   * Removes job directories of processes that are gone: a worker killed mid-job cannot clean up
   * itself, and the ffmpeg it started stops once its loopback input vanishes. Returns how many.
   */
  public int removeAbandoned() throws IOException {
    if (!Files.isDirectory(root)) {
      return 0;
    }
    int removed = 0;
    try (Stream<Path> dirs = Files.list(root)) {
      for (Path dir : (Iterable<Path>) dirs::iterator) {
        String name = dir.getFileName().toString();
        if (name.startsWith(PREFIX) && !ownerAlive(name)) {
          delete(dir);
          removed++;
        }
      }
    }
    return removed;
  }

  private static boolean ownerAlive(String name) {
    String rest = name.substring(PREFIX.length());
    int dash = rest.indexOf('-');
    try {
      long pid = Long.parseLong(dash < 0 ? rest : rest.substring(0, dash));
      return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    } catch (NumberFormatException e) {
      return true;
    }
  }

  /** Deletes {@code dir} and everything in it; quiet when it is gone already. */
  public static void delete(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> tree = Files.walk(dir)) {
      tree.sorted(Comparator.reverseOrder()).forEach(Workspace::deleteOne);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteOne(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
