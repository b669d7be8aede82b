package io.kursfilm.audit.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Writes signed checkpoints of every audit chain at the configured interval ({@code
 * kursfilm.audit.checkpoint-interval}, hourly by default). A programmatic interval timer rather
 * than {@code @Schedule}, whose expression cannot come from configuration; not persistent, so a
 * restarted node simply starts counting again. Creates the signing keyset at start-up, so a key
 * store that cannot hold it fails the deployment instead of the first checkpoint.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
public class CheckpointSchedule {

  private static final Logger LOG = Logger.getLogger(CheckpointSchedule.class.getName());

  @Inject
  @ConfigProperty(name = "kursfilm.audit.checkpoint-interval", defaultValue = "PT1H")
  Duration interval;

  @Resource TimerService timers;
  @Inject CheckpointSigner signer;
  @Inject ChainVerifier verifier;

  @PostConstruct
  void start() {
    signer.getClass(); // resolves the producer: creates the keyset on first start
    long ms = interval.toMillis();
    timers.createIntervalTimer(ms, ms, new TimerConfig("audit-checkpoints", false));
  }

  @Timeout
  void onTimer() {
    int written = checkpointAll();
    LOG.info(() -> "audit checkpoints written: " + written);
  }

  /**
   * Checkpoints every chain that moved since its last checkpoint; returns how many were written.
   */
  public int checkpointAll() {
    int written = 0;
    for (String chain : verifier.chains()) {
      try {
        if (verifier.checkpoint(chain).isPresent()) {
          written++;
        }
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "audit checkpoint of chain " + chain + " failed", e);
      }
    }
    return written;
  }
}
