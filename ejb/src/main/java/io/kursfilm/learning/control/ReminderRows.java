package io.kursfilm.learning.control;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.util.List;
import java.util.Optional;
import org.eclipse.persistence.config.HintValues;
import org.eclipse.persistence.config.QueryHints;

/**
 * The delivery side of {@code assignment_reminder}: the rows are the queue of reminder mails, read
 * across tenants and locked with {@code SKIP LOCKED}, so nodes sending at the same time never take
 * the same reminder. Native SQL, as for the transcode outcomes ({@code OutcomeRows}); EclipseLink
 * lets these queries past its multitenant guard one by one ({@link #sql}), and each row carries its
 * tenant, which the caller binds before it reads anything else. Times are the database's, so nodes
 * with skewed clocks agree on what is due.
 */
@Dependent
public class ReminderRows {

  /** Longest wait between two tries of a reminder whose mail failed. */
  static final int MAX_BACKOFF_SECONDS = 3600;

  @PersistenceContext(unitName = "kursfilm")
  EntityManager em;

  /** An unsent reminder due now: its id and the tenant it is sent in. */
  public record Due(String id, String tenantId) {}

  /** A locked reminder: who is reminded of which cycle of which assignment, and of what kind. */
  public record Locked(
      String id, String tenantId, String assignmentId, String userId, int cycle, String kind) {}

  /**
   * Unsent reminders of active tenants due now, longest waiting first; not locked, so another node
   * may hold some. A suspended tenant's reminders wait until it is active again.
   */
  public List<Due> due(int limit) {
    List<?> rows =
        sql("SELECT r.id, r.tenant_id FROM assignment_reminder r"
                + " JOIN tenant t ON t.id = r.tenant_id AND t.state = 'ACTIVE'"
                + " WHERE r.sent_at IS NULL AND r.next_attempt_at <= CURRENT_TIMESTAMP(6)"
                + " ORDER BY r.next_attempt_at LIMIT ?")
            .setParameter(1, limit)
            .getResultList();
    return rows.stream()
        .map(Object[].class::cast)
        .map(r -> new Due((String) r[0], (String) r[1]))
        .toList();
  }

  /**
   * Locks reminder {@code id} for this transaction while it is unsent and due; empty when another
   * node holds it, sent it meanwhile, or it is gone (its assignment was withdrawn).
   */
  public Optional<Locked> lock(String id) {
    List<?> rows =
        sql("SELECT id, tenant_id, assignment_id, user_id, cycle_number, kind"
                + " FROM assignment_reminder WHERE id = ? AND sent_at IS NULL"
                + " AND next_attempt_at <= CURRENT_TIMESTAMP(6) FOR UPDATE SKIP LOCKED")
            .setParameter(1, id)
            .getResultList();
    return rows.stream()
        .map(Object[].class::cast)
        .map(
            r ->
                new Locked(
                    (String) r[0],
                    (String) r[1],
                    (String) r[2],
                    (String) r[3],
                    ((Number) r[4]).intValue(),
                    (String) r[5]))
        .findFirst();
  }

  /** The reminder is settled: mailed, or nobody is left to remind. It is never tried again. */
  public void sent(String id) {
    sql("UPDATE assignment_reminder SET sent_at = CURRENT_TIMESTAMP(6) WHERE id = ?")
        .setParameter(1, id)
        .executeUpdate();
  }

  /** The mail failed: the reminder is tried again after a back-off that doubles up to an hour. */
  public void postpone(String id) {
    // next_attempt_at first: MariaDB assigns left to right, and the back-off uses the old count.
    sql("UPDATE assignment_reminder SET next_attempt_at = CURRENT_TIMESTAMP(6) + INTERVAL"
            + " LEAST(1 << LEAST(attempts, 12), ?) SECOND, attempts = attempts + 1"
            + " WHERE id = ? AND sent_at IS NULL")
        .setParameter(1, MAX_BACKOFF_SECONDS)
        .setParameter(2, id)
        .executeUpdate();
  }

  /** A native query on the reminder queue, allowed past EclipseLink's multitenant guard. */
  private Query sql(String sql) {
    return em.createNativeQuery(sql).setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, HintValues.TRUE);
  }
}
