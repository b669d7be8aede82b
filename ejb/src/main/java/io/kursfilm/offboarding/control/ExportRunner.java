package io.kursfilm.offboarding.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The export queue's worker on every node: the offboarding rows in EXPORTING are the queue, and
 * every {@code kursfilm.offboarding.export-poll} each node claims one nobody runs (or whose
 * runner's lease ran out: a node that died) and runs it on a container thread, renewing the lease
 * at each poll while it runs. Restart-safe without a scheduler table of its own: after a restart, a
 * crash or a kill the lease runs out and the export resumes from its last checkpoint. The same poll
 * moves exports whose download grace period is over and purges expired download links.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ExportRunner {

  private static final Logger LOG = Logger.getLogger(ExportRunner.class.getName());

  @Resource TimerService timers;
  @Resource ManagedExecutorService executor;
  @Inject ExportLedger ledger;
  @Inject ExportJob job;

  @Inject
  @ConfigProperty(name = "kursfilm.offboarding.export-poll")
  Duration poll;

  @Inject
  @ConfigProperty(name = "kursfilm.offboarding.export-lease")
  Duration lease;

  @Inject
  @ConfigProperty(name = "kursfilm.offboarding.download-grace")
  Duration grace;

  @Inject
  @ConfigProperty(name = "kursfilm.offboarding.test.stop-after-parts")
  int stopAfterParts;

  /** Exports running on this node: offboarding id to claim. */
  private final Map<String, String> running = new ConcurrentHashMap<>();

  /** The test switch fires once per node: the resumed run goes through. */
  private final AtomicBoolean died = new AtomicBoolean();

  @PostConstruct
  void start() {
    long ms = Math.max(200, poll.toMillis());
    timers.createIntervalTimer(ms, ms, new TimerConfig("offboarding-export", false));
  }

  @Timeout
  void onTimer() {
    try {
      running.forEach(
          (id, claim) -> {
            if (!ledger.renew(id, claim, lease)) {
              LOG.info(() -> "export " + id + " lost its lease");
            }
          });
      ledger.graceOver(grace);
      ledger.purgeExpiredLinks();
      if (running.isEmpty()) {
        claimOne();
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "offboarding poll failed; next poll tries again", e);
    }
  }

  /** One export at a time per node: an export is I/O-bound and would only share the same pipe. */
  private void claimOne() {
    String claim = UUID.randomUUID().toString();
    Optional<ExportLedger.Claimed> next = ledger.claimNext(claim, lease);
    if (next.isEmpty()) {
      return;
    }
    ExportLedger.Claimed export = next.get();
    running.put(export.offboardingId(), claim);
    try {
      executor.execute(() -> run(export, claim));
    } catch (RejectedExecutionException e) {
      running.remove(export.offboardingId()); // the lease runs out; any node takes it then
    }
  }

  private void run(ExportLedger.Claimed export, String claim) {
    try {
      job.run(export, claim, this::afterPart);
    } catch (ExportJob.Stopped e) {
      LOG.info(e.getMessage());
      job.discardIfCancelled(export);
    } catch (RuntimeException e) {
      // Left to its lease: resumed from the last checkpoint once it runs out.
      LOG.log(Level.WARNING, "export " + export.offboardingId() + " failed; will resume", e);
    } finally {
      running.remove(export.offboardingId());
    }
  }

  private void afterPart(int parts) {
    if (stopAfterParts > 0 && parts >= stopAfterParts && died.compareAndSet(false, true)) {
      throw new ExportJob.Stopped("test switch: the export stops as if its node died");
    }
  }
}
