package io.kursfilm.platform.control;

import io.kursfilm.storage.keys.KeyStoreBackup;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the key-store backup every {@code kursfilm.keystore.backup.interval}, counted from the
 * newest backup, and prunes the backups past their retention at every run, failed or not. The
 * retention plus the interval is what a shred certificate promises (see {@link
 * KeyStoreBackup#keyGoneFromBackupsAfter}).
 *
 * <p>A programmatic single-action timer, re-armed after each run, rather than {@code @Schedule},
 * whose expression cannot come from configuration. It is not an EJB persistent timer: the backup
 * directory already records when the last backup succeeded, so a node that starts after downtime
 * finds the run overdue and takes it at once; that is the persistence that matters here, and it
 * needs no timer database. A failed run is retried after at most the interval.
 */
@Singleton
@Startup
public class KeyStoreBackupJob {

  private static final Logger LOG = Logger.getLogger(KeyStoreBackupJob.class.getName());

  @Inject KeyStoreBackup backup;
  @Resource TimerService timers;

  @PostConstruct
  void start() {
    if (backup.runInterval().isZero()) {
      throw new IllegalStateException("kursfilm.keystore.backup.interval must be positive");
    }
    Instant first;
    try {
      first = backup.nextRunAt();
    } catch (RuntimeException e) {
      // An unreadable backup directory must not fail the deployment; the run reports it.
      first = Instant.now();
    }
    schedule(first);
  }

  @Timeout
  void runBackup() {
    Instant next;
    try {
      // Skips the copy, not the pruning, when another node sharing the directory took it.
      if (backup.runIfDue().isPresent()) {
        LOG.info("key store backed up");
      }
      next = backup.nextRunAt();
    } catch (RuntimeException e) {
      // The expired backups were pruned all the same (KeyStoreBackup.run); only the new copy is
      // missing, so try again soon rather than a whole interval later.
      LOG.log(Level.WARNING, "key-store backup failed, retrying", e);
      next = backup.retryAt();
    }
    schedule(next);
  }

  private void schedule(Instant at) {
    long delay = Math.max(0, Duration.between(Instant.now(), at).toMillis());
    timers.createSingleActionTimer(delay, new TimerConfig("key-store-backup", false));
    LOG.fine(() -> "next key-store backup at " + at);
  }
}
