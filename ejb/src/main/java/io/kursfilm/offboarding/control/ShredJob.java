package io.kursfilm.offboarding.control;

import io.kursfilm.tenant.boundary.TenantOffboarding;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs confirmed shreds in the background, one task per offboarding on the container's executor:
 * started after the confirmation commits, resumed at start-up for every offboarding a stopped node
 * left in SHREDDING, and retried (config {@code kursfilm.offboarding.shred-retry}) after a failure.
 * Every run is the same idempotent {@link TenantOffboarding#shred}, so a resumed or doubled run
 * finishes the work and certifies it once. The offboarding row is the job's only state, so nothing
 * is lost with a node.
 */
@Singleton
@Startup
@DependsOn({"DatabaseMigration", "CheckpointSchedule"})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ShredJob {

  private static final Logger LOG = Logger.getLogger(ShredJob.class.getName());

  @Resource ManagedExecutorService executor;
  @Inject ShredStates states;
  @Inject TenantOffboarding tenants;

  @Inject
  @ConfigProperty(name = "kursfilm.offboarding.shred-retry")
  Duration retryDelay;

  /** Offboardings shredding on this node now, so a resume never doubles a running shred here. */
  private final Set<String> running = ConcurrentHashMap.newKeySet();

  @PostConstruct
  void resume() {
    try {
      states.shredding().forEach(this::start);
    } catch (RuntimeException e) {
      LOG.warning(() -> "cannot resume shreds at start-up: " + e.getClass().getSimpleName());
    }
  }

  @Schedule(hour = "*", minute = "*", second = "30", persistent = false)
  void retryFailed() {
    states.claimRetries(retryDelay).forEach(this::start);
  }

  /**
   * Starts the shred of a confirmed offboarding in the background (once per node). SUPPORTS: it is
   * called from an after-commit observer, where a finished transaction is still associated with the
   * thread and suspending it (NOT_SUPPORTED) would fail to resume it.
   */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public void start(String offboardingId) {
    if (running.add(offboardingId)) {
      executor.submit(() -> run(offboardingId));
    }
  }

  private void run(String offboardingId) {
    try {
      states
          .tenantToShred(offboardingId)
          .ifPresent(
              tenantId -> {
                tenants.shred(tenantId);
                states.shredded(offboardingId);
              });
    } catch (RuntimeException e) {
      // The type only: messages may name ids of objects, never content, but stay terse in logs.
      LOG.warning(
          () -> "shred of offboarding " + offboardingId + " failed: " + e.getClass().getName());
      states.failed(offboardingId, "shred-failed");
    } finally {
      running.remove(offboardingId);
    }
  }
}
