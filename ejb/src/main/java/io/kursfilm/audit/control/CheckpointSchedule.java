package io.kursfilm.audit.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Writes signed checkpoints of every audit chain at the configured interval ({@code
 * kursfilm.audit.checkpoint-interval}, hourly by default). A programmatic interval timer rather
 * than {@code @Schedule}, whose expression cannot come from configuration; not persistent, so a
 * restarted node simply starts counting again. One pass runs at start-up, before the application
 * takes requests (the demo seed and every other writer of entries start after this bean), and one
 * more at a clean shutdown: a restart after a pause longer than two intervals then finds no
 * unanchored entry behind an old checkpoint, which would look exactly like a rolled-back
 * checkpoint. Opens the signing key at start-up (see {@link AuditSigningKey}).
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
public class CheckpointSchedule {

  private static final Logger LOG = Logger.getLogger(CheckpointSchedule.class.getName());

  @Inject
  @ConfigProperty(name = "kursfilm.audit.checkpoint-interval", defaultValue = "PT1H")
  Duration interval;

  /** Longest wait for the first pass after start-up. */
  private static final long FIRST_PASS_MS = 30_000;

  @Resource TimerService timers;
  @Inject AuditSigningKey key;
  @Inject ChainVerifier verifier;

  @PostConstruct
  void start() {
    key.open();
    try {
      checkpointAll();
    } catch (RuntimeException e) {
      // An object store that is still starting must not fail the deployment; the timer retries.
      LOG.log(Level.WARNING, "audit checkpoints at start-up failed", e);
    }
    long ms = interval.toMillis();
    timers.createIntervalTimer(
        Math.min(ms, FIRST_PASS_MS), ms, new TimerConfig("audit-checkpoints", false));
  }

  @PreDestroy
  void stop() {
    try {
      checkpointAll();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "audit checkpoints at shutdown failed", e);
    }
  }

  @Timeout
  void onTimer() {
    int written = checkpointAll();
    LOG.info(() -> "audit checkpoints written: " + written);
  }

  /**
   * Anchors {@code chain} although its newest checkpoint is stale (see {@link
   * ChainVerifier#checkpoint(String, boolean)}); under the schedule's lock like every write.
   */
  public Optional<Checkpoint> reanchorStale(String chain) {
    return verifier.checkpoint(chain, true);
  }

  /**
   * Checkpoints every chain that moved since its newest checkpoint or whose newest is aging;
   * returns how many were written.
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
