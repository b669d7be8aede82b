package io.kursfilm.transcoder.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Private scratch directories for ffmpeg's output, under a root that must be a tmpfs (the default
 * is /dev/shm where it exists), so rendered segments of decrypted uploads wait for sealing in
 * memory, never on a disk where deleted files linger. A root on any other file system is refused
 * unless explicitly allowed ({@code kursfilm.transcode.allow-disk-work-dir}, for tests). Each job's
 * directory is 0700 and removed whatever the outcome.
 */
public final class Workspace {

  private static final String PREFIX = "kursfilm-job-";
  private static final Set<String> MEMORY_FILE_SYSTEMS = Set.of("tmpfs", "ramfs");

  private final Path root;
  private final boolean allowDisk;

  /** A workspace under {@code root}, which must be a tmpfs. */
  public Workspace(Path root) {
    this(root, false);
  }

  /**
   * @param allowDisk whether a root on a disk file system is accepted
   */
  public Workspace(Path root, boolean allowDisk) {
    this.root = root;
    this.allowDisk = allowDisk;
  }

  /** /dev/shm when writable (a tmpfs on Linux), else the JVM's temp directory. */
  public static Workspace standard(boolean allowDisk) {
    Path shm = Path.of("/dev/shm");
    return new Workspace(
        Files.isDirectory(shm) && Files.isWritable(shm)
            ? shm
            : Path.of(System.getProperty("java.io.tmpdir")),
        allowDisk);
  }

  public Path root() {
    return root;
  }

  /**
   * Creates the root if needed and checks that it is in memory.
   *
   * @throws IllegalStateException when it is on a disk and that is not allowed
   */
  public void requireMemory() throws IOException {
    Files.createDirectories(root);
    String type = Files.getFileStore(root).type();
    if (!allowDisk && !MEMORY_FILE_SYSTEMS.contains(type)) {
      throw new IllegalStateException(
          "transcode work directory "
              + root
              + " is on "
              + type
              + ", not a tmpfs: decrypted video would reach a disk; set"
              + " kursfilm.transcode.work-dir to a tmpfs or, for tests only,"
              + " kursfilm.transcode.allow-disk-work-dir=true");
    }
  }

  /**
   * A new private directory for one job.
   *
   * @throws IllegalStateException when the root is on a disk and that is not allowed
   */
  public Path create(String videoId) throws IOException {
    requireMemory();
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
