package io.kursfilm.platform.control;

import io.kursfilm.storage.keys.KeyStoreBackup;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Backs the key store up once a day and prunes backups past their retention. The retention is what
 * a shred certificate promises: after it, no backup holds a destroyed tenant key.
 */
@Singleton
public class KeyStoreBackupJob {

  private static final Logger LOG = Logger.getLogger(KeyStoreBackupJob.class.getName());

  @Inject KeyStoreBackup backup;

  // Midnight UTC matches the run interval KeyStoreBackup counts from; not persistent, so a
  // restarted node simply takes the next one.
  @Schedule(hour = "0", minute = "0", timezone = "UTC", persistent = false)
  void nightly() {
    backup.run();
    LOG.info("key store backed up");
  }
}
