package io.kursfilm.learning.control;

import io.kursfilm.learning.boundary.AssignmentPass;
import io.kursfilm.tenant.boundary.TenantDirectory;
import io.kursfilm.tenant.boundary.TenantView;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs {@link AssignmentPass} over every active tenant every {@code
 * kursfilm.assignments.sweep-interval} (renewals of recurring assignments, reminders recorded),
 * then mails the reminders that are due, those just recorded and those whose mail failed before
 * ({@link ReminderMails}). A timer of each node, not a persistent one: a pass is idempotent and
 * guarded by unique keys, reminders are locked one by one with {@code SKIP LOCKED}, so nodes at
 * work at once do no harm, and a node that was down catches up at its next sweep.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AssignmentSchedule {

  private static final Logger LOG = Logger.getLogger(AssignmentSchedule.class.getName());

  /** Reminders mailed per sweep at most; more wait for the next sweep. */
  private static final int REMINDER_BATCH = 500;

  @Resource TimerService timers;
  @Inject TenantDirectory tenants;
  @Inject AssignmentPass pass;
  @Inject ReminderMails mails;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "kursfilm.assignments.sweep-interval")
  Duration interval;

  @PostConstruct
  void start() {
    long every = interval.toMillis();
    timers.createIntervalTimer(Math.min(every, 60_000), every, new TimerConfig(null, false));
  }

  @Timeout
  void sweep() {
    for (TenantView tenant : tenants.all()) {
      if (!tenant.isActive()) {
        continue;
      }
      try {
        pass.run(tenant.id(), clock.instant());
      } catch (RuntimeException e) {
        // Another node's pass won a unique key, or the tenant's key is away: the next pass retries.
        LOG.info(
            () ->
                "assignment pass of tenant "
                    + tenant.id()
                    + " not completed: "
                    + e.getClass().getSimpleName());
      }
    }
    mailReminders();
  }

  /**
   * Mails the due reminders of active tenants, a batch per sweep. Stops at the first mail the
   * server refuses: it is probably down, and each further try would wait for its time-outs; the
   * rest stays due for the next sweep.
   */
  private void mailReminders() {
    for (ReminderRows.Due due : mails.due(REMINDER_BATCH)) {
      ReminderMails.Result result;
      try {
        result = mails.send(due.id(), due.tenantId());
      } catch (RuntimeException e) {
        // The tenant's key is away or the database failed: this reminder waits, the others go on.
        LOG.info(() -> "reminder " + due.id() + " not sent: " + e.getClass().getSimpleName());
        postpone(due.id());
        continue;
      }
      if (result == ReminderMails.Result.FAILED) {
        return;
      }
    }
  }

  private void postpone(String id) {
    try {
      mails.postpone(id);
    } catch (RuntimeException e) {
      LOG.warning(() -> "reminder " + id + " not postponed: " + e.getClass().getSimpleName());
    }
  }
}
