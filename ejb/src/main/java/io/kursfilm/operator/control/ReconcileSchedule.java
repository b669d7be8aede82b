package io.kursfilm.operator.control;

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
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs the orphan reconciliation every {@code kursfilm.reconcile.interval}, once per cluster: each
 * node's timer fires, and only the node that moves the lease row ({@code reconcile_lease}) forward
 * by one interval runs the pass. A node that dies mid-pass holds the lease until it lapses; the
 * pass is idempotent, so the next one finishes the work.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ReconcileSchedule {

  private static final Logger LOG = Logger.getLogger(ReconcileSchedule.class.getName());

  /** This node's name on the lease; random, since nodes share no other identity. */
  private final String node = UUID.randomUUID().toString();

  @Resource TimerService timers;

  @Resource(lookup = "java:app/jdbc/kursfilm")
  DataSource dataSource;

  @Inject Reconciler reconciler;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "kursfilm.reconcile.interval")
  Duration interval;

  @PostConstruct
  void start() {
    long every = interval.toMillis();
    timers.createIntervalTimer(every, every, new TimerConfig(null, false));
  }

  @Timeout
  void pass() {
    try {
      if (lease()) {
        reconciler.run("schedule");
      }
    } catch (RuntimeException | SQLException e) {
      // The database or the object store is away: the next interval tries again.
      LOG.info(() -> "orphan reconciliation skipped: " + e.getClass().getSimpleName());
    }
  }

  /** Takes the lease for one interval (less a little, so timer jitter does not skip a pass). */
  private boolean lease() throws SQLException {
    Instant now = clock.instant();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "UPDATE reconcile_lease SET holder = ?, lease_until = ?"
                    + " WHERE name = 'orphans' AND lease_until <= ?")) {
      s.setString(1, node);
      s.setTimestamp(2, Timestamp.from(now.plus(interval.multipliedBy(9).dividedBy(10))));
      s.setTimestamp(3, Timestamp.from(now));
      return s.executeUpdate() == 1;
    }
  }
}
