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
 * kursfilm.assignments.sweep-interval}: renewals of recurring assignments and reminder mails. A
 * timer of each node, not a persistent one: a pass is idempotent and guarded by unique keys, so
 * nodes passing at once do no harm, and a node that was down catches up at its next pass.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AssignmentSchedule {

  private static final Logger LOG = Logger.getLogger(AssignmentSchedule.class.getName());

  @Resource TimerService timers;
  @Inject TenantDirectory tenants;
  @Inject AssignmentPass pass;
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
  }
}
