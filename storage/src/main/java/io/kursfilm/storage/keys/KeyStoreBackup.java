package io.kursfilm.storage.keys;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Backs up the key store's wrapped tenant keysets into dated directories and deletes the backups
 * older than the retention; this retention is what a shred certificate promises. One instance per
 * application; its scheduler calls {@link #run} every {@code runInterval}, counted from the newest
 * backup ({@link #nextRunAt}), so a run missed while no node was up happens as soon as one starts.
 * The backup directory itself is the schedule's memory: the newest backup's name says when the last
 * run succeeded, which survives restarts without a persistent timer.
 *
 * <p>Only the wrapped keysets ({@code tenants/*.json} and the platform's own, such as the audit
 * signing key, in {@code platform/*.json}) are copied, never the master keyset: the backups are
 * useless without the master, which in production lives in the KMS, and a leaked backup must not
 * carry its own key.
 *
 * <p>A destroyed tenant key stays in the backups taken before its destruction until they age out.
 * {@link #keyGoneFromBackupsAfter} says when that is. {@link #purgeTenant} removes it at once
 * instead; the trade-off: a purge makes the shred complete immediately, but it also removes the
 * only way back if the destruction was a mistake (a wrong tenant id, a premature off-boarding), so
 * the caller decides per shred, typically when the customer asks for immediate erasure.
 */
public final class KeyStoreBackup {

  private static final String PREFIX = "keys-";
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);

  /** Longest wait before a failed run is retried; never longer than the run interval. */
  static final Duration MAX_RETRY_DELAY = Duration.ofMinutes(15);

  private final Path tenantsDir;
  private final Path platformDir;
  private final Path backupDir;
  private final Duration retention;
  private final Duration runInterval;
  private final Clock clock;

  /**
   * @param keyStoreDir the directory of a {@link LocalKeyStore}
   * @param backupDir where the dated backups go; must not be inside the key store
   * @param retention how long a backup is kept
   * @param runInterval how often {@link #run} is scheduled; {@link Duration#ZERO} when pruning is
   *     continuous (tests)
   */
  public KeyStoreBackup(
      Path keyStoreDir, Path backupDir, Duration retention, Duration runInterval, Clock clock) {
    if (retention.isNegative() || runInterval.isNegative()) {
      throw new IllegalArgumentException("retention and run interval must not be negative");
    }
    Path store = keyStoreDir.toAbsolutePath().normalize();
    Path backups = backupDir.toAbsolutePath().normalize();
    if (backups.startsWith(store)) {
      throw new IllegalArgumentException("backup directory must lie outside the key store");
    }
    this.tenantsDir = store.resolve(LocalKeyStore.TENANTS_DIR);
    this.platformDir = store.resolve(PlatformKeysets.DIR);
    this.backupDir = backups;
    this.retention = retention;
    this.runInterval = runInterval;
    this.clock = clock;
  }

  /**
   * Takes a backup now and prunes the expired ones. The pruning happens even when the backup fails
   * (a full disk, an unreadable keyset): the promise of {@link #keyGoneFromBackupsAfter} rests on
   * pruning at every run, not on backing up. Returns the new backup's directory.
   */
  public Path run() {
    Path backup;
    try {
      backup = backup();
    } catch (RuntimeException e) {
      try {
        prune();
      } catch (RuntimeException pruneFailure) {
        e.addSuppressed(pruneFailure);
      }
      throw e;
    }
    prune();
    return backup;
  }

  /**
   * {@link #run Runs} when a run is due ({@link #nextRunAt}); otherwise only prunes. Nodes that
   * share the backup directory then take one backup per interval between them, and each still
   * prunes at its own pace.
   */
  public Optional<Path> runIfDue() {
    if (nextRunAt().isAfter(clock.instant())) {
      prune();
      return Optional.empty();
    }
    return Optional.of(run());
  }

  /**
   * When the next run is due: one interval after the newest backup, or now when there is none or it
   * is overdue (the nodes were down, or the last runs failed).
   */
  public Instant nextRunAt() {
    Instant now = clock.instant();
    return newestBackup()
        .map(last -> last.plus(runInterval))
        .filter(due -> due.isAfter(now))
        .orElse(now);
  }

  /**
   * When to try again after a failed run: soon, but not in a tight loop, and never later than one
   * interval, so that pruning keeps the pace {@link #keyGoneFromBackupsAfter} counts on.
   */
  public Instant retryAt() {
    Duration delay = runInterval.compareTo(MAX_RETRY_DELAY) < 0 ? runInterval : MAX_RETRY_DELAY;
    return clock.instant().plus(delay);
  }

  /** The run interval this schedule keeps; {@link Duration#ZERO} when pruning is continuous. */
  public Duration runInterval() {
    return runInterval;
  }

  /** The retention of a backup. */
  public Duration retention() {
    return retention;
  }

  private Optional<Instant> newestBackup() {
    List<Backup> all = list();
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1).takenAt());
  }

  /**
   * Copies every wrapped tenant keyset into a new dated directory. The copy is assembled under a
   * hidden name and renamed when complete, so a crash never leaves a partial backup that looks
   * whole.
   */
  public Path backup() {
    Instant now = clock.instant();
    Path target = backupDir.resolve(PREFIX + STAMP.format(now));
    Path partial = backupDir.resolve("." + target.getFileName() + ".partial");
    if (Files.exists(target)) {
      throw new KeyStoreException("a key-store backup with this timestamp already exists");
    }
    try {
      Files.createDirectories(backupDir);
      deleteTree(partial); // left over from a crash during an earlier backup
      Files.createDirectories(partial);
      restrict(partial);
      copyKeysets(tenantsDir, partial.resolve(LocalKeyStore.TENANTS_DIR));
      copyKeysets(platformDir, partial.resolve(PlatformKeysets.DIR));
      Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
      return target;
    } catch (IOException e) {
      deleteTree(partial);
      throw new KeyStoreException("cannot back up key store", e);
    }
  }

  private static void copyKeysets(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    if (Files.isDirectory(from)) {
      try (DirectoryStream<Path> keysets = Files.newDirectoryStream(from, "*.json")) {
        for (Path keyset : keysets) {
          Files.copy(keyset, to.resolve(keyset.getFileName()));
        }
      }
    }
  }

  /**
   * Deletes every backup whose age has reached the retention. One backup that cannot be deleted
   * does not keep the others; the first failure is thrown after all were tried. Returns how many
   * were deleted.
   */
  public int prune() {
    Instant now = clock.instant();
    int deleted = 0;
    KeyStoreException failure = null;
    for (Backup backup : list()) {
      if (!backup.takenAt().plus(retention).isAfter(now)) {
        try {
          deleteTree(backup.dir());
          deleted++;
        } catch (KeyStoreException e) {
          if (failure == null) {
            failure = e;
          } else {
            failure.addSuppressed(e);
          }
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
    return deleted;
  }

  /** The times of the backups currently kept, oldest first. */
  public List<Instant> backups() {
    return list().stream().map(Backup::takenAt).toList();
  }

  /**
   * After which instant no key-store backup holds a key destroyed at {@code destroyedAt}. The
   * newest backup that can hold it was taken no later than {@code destroyedAt}, so its age reaches
   * the retention by {@code destroyedAt + retention}; runs, and with them pruning, happen at most
   * one {@code runInterval} apart (a failed backup still prunes and is retried sooner), so the copy
   * is deleted by {@code destroyedAt + retention + runInterval}. This holds while a node runs the
   * schedule: a node that starts after downtime runs (and prunes) at once.
   */
  public Instant keyGoneFromBackupsAfter(Instant destroyedAt) {
    return destroyedAt.plus(retention).plus(runInterval);
  }

  /**
   * Removes the tenant's keyset from every backup at once, making a shred complete without waiting
   * for the retention. See the class comment for why this is the caller's choice. Returns the
   * number of backups it was removed from.
   */
  public int purgeTenant(String tenantId) {
    String fileName = TenantIds.fileName(tenantId);
    int purged = 0;
    for (Backup backup : list()) {
      try {
        if (Files.deleteIfExists(
            backup.dir().resolve(LocalKeyStore.TENANTS_DIR).resolve(fileName))) {
          purged++;
        }
      } catch (IOException e) {
        throw new KeyStoreException("cannot purge tenant key from backups", e);
      }
    }
    return purged;
  }

  private record Backup(Path dir, Instant takenAt) {}

  /** The complete backups, oldest first; foreign and partial entries are ignored. */
  private List<Backup> list() {
    if (!Files.isDirectory(backupDir)) {
      return List.of();
    }
    List<Backup> found = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(backupDir, PREFIX + "*")) {
      for (Path entry : entries) {
        takenAt(entry).ifPresent(at -> found.add(new Backup(entry, at)));
      }
    } catch (IOException e) {
      throw new KeyStoreException("cannot list key-store backups", e);
    }
    found.sort(Comparator.comparing(Backup::takenAt));
    return found;
  }

  /** The time is read from the name, not the file's mtime, which copies and restores change. */
  private static Optional<Instant> takenAt(Path entry) {
    if (!Files.isDirectory(entry)) {
      return Optional.empty();
    }
    try {
      String stamp = entry.getFileName().toString().substring(PREFIX.length());
      return Optional.of(Instant.from(STAMP.parse(stamp)));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static void restrict(Path dir) throws IOException {
    if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    }
  }

  private static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new KeyStoreException("cannot delete key-store backup", e);
    }
  }
}
