package io.kursfilm.video.control;

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
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where transcode outcomes become video states: drains the {@code transcode_outcome} outbox every
 * {@code kursfilm.transcode.outcome-poll} (standalone workers' reports) and at once when an in-app
 * job reports ({@link #reported}), one transaction per outcome ({@link OutcomeApplier}). Every node
 * drains; rows are locked with {@code SKIP LOCKED} and a version's outcomes are applied in the
 * order they were reported, so nodes draining at the same time neither collide nor reorder. An
 * outcome that fails to apply is tried again after a back-off; the others go on.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class JobOutcomes {

  private static final Logger LOG = Logger.getLogger(JobOutcomes.class.getName());

  /** Rows read per round; a drain goes on while rounds make progress. */
  private static final int BATCH = 100;

  @Resource TimerService timers;
  @Resource ManagedExecutorService executor;
  @Inject OutcomeApplier applier;

  @Inject
  @ConfigProperty(name = "kursfilm.transcode.outcome-poll")
  Duration poll;

  /** One drain at a time on this node; a report during one asks it to go round again. */
  private final ReentrantLock draining = new ReentrantLock();

  private final AtomicBoolean requested = new AtomicBoolean();

  @PostConstruct
  void start() {
    long ms = Math.max(100, poll.toMillis());
    timers.createIntervalTimer(ms, ms, new TimerConfig("transcode-outcomes", false));
  }

  /**
   * An in-app job reported an outcome: drains soon on a container thread, so the video moves
   * without waiting for the poll. Never blocks the job; reports in quick succession share a drain.
   */
  public void reported() {
    if (requested.compareAndSet(false, true)) {
      try {
        executor.execute(this::drain);
      } catch (RejectedExecutionException e) {
        requested.set(false); // the poll picks it up
      }
    }
  }

  @Timeout
  void onTimer() {
    drain();
  }

  /** Applies every due outcome; returns how many were applied or refused. */
  public int drain() {
    if (!draining.tryLock()) {
      return 0; // the running drain sees the request flag and goes round again
    }
    try {
      int done = 0;
      do {
        requested.set(false);
        done += drainRounds();
      } while (requested.get());
      return done;
    } finally {
      draining.unlock();
    }
  }

  private int drainRounds() {
    int done = 0;
    while (true) {
      List<OutcomeRows.Due> due = applier.due(BATCH);
      int round = 0;
      for (OutcomeRows.Due outcome : due) {
        if (applyOne(outcome)) {
          round++;
        }
      }
      done += round;
      // Done when nothing is left, or what is left is another node's or waits for an older one.
      if (due.size() < BATCH || round == 0) {
        return done;
      }
    }
  }

  private boolean applyOne(OutcomeRows.Due outcome) {
    try {
      return applier.apply(outcome.id(), outcome.tenantId()) == OutcomeApplier.Result.DONE;
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING, "transcode outcome " + outcome.id() + " not applied, retried later", e);
      try {
        applier.postpone(outcome.id());
      } catch (RuntimeException again) {
        LOG.warning(() -> "transcode outcome " + outcome.id() + " not postponed: " + again);
      }
      return false;
    }
  }
}
