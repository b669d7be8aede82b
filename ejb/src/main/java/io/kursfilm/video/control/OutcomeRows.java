package io.kursfilm.video.control;

import io.kursfilm.transcoder.job.OutcomeKind;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.util.List;
import java.util.Optional;
import org.eclipse.persistence.config.HintValues;
import org.eclipse.persistence.config.QueryHints;

/**
 * The reading side of the {@code transcode_outcome} outbox that transcode jobs fill (the writing
 * side is the transcoder's {@code JdbcOutcomePort}). Native SQL, as for db-scheduler's table: the
 * outbox is a queue across tenants, not an entity, and a row is locked with {@code SKIP LOCKED} so
 * that nodes applying outcomes at the same time never take the same row. EclipseLink refuses native
 * SQL where multitenant entities exist (it would bypass their tenant filter); these queries touch
 * the outbox only and are let through one by one ({@link #sql}).
 */
@Dependent
public class OutcomeRows {

  /** Longest back-off between two tries of an outcome that failed to apply. */
  static final int MAX_BACKOFF_SECONDS = 900;

  @PersistenceContext(unitName = "kursfilm")
  EntityManager em;

  /** A row due for application: its id and the tenant it is applied in. */
  public record Due(long id, String tenantId) {}

  /** Rows due now, oldest first. */
  public List<Due> due(int limit) {
    List<?> rows =
        sql("SELECT id, tenant_id FROM transcode_outcome"
                + " WHERE due_at <= CURRENT_TIMESTAMP(6) ORDER BY id LIMIT ?")
            .setParameter(1, limit)
            .getResultList();
    return rows.stream()
        .map(Object[].class::cast)
        .map(r -> new Due(((Number) r[0]).longValue(), (String) r[1]))
        .toList();
  }

  /** Locks row {@code id} for this transaction; empty when another node holds it or it is gone. */
  public Optional<ReportedOutcome> lock(long id) {
    List<?> rows =
        sql("SELECT id, tenant_id, version_id, claim, kind, reason, detail, rendition,"
                + " duration_ms, width, height, media_sha256, percent FROM transcode_outcome"
                + " WHERE id = ? FOR UPDATE SKIP LOCKED")
            .setParameter(1, id)
            .getResultList();
    return rows.stream().map(Object[].class::cast).map(OutcomeRows::outcome).findFirst();
  }

  /**
   * Whether an older outcome of the same version is still pending: it is applied first (by another
   * node right now, or after its back-off), since an attempt's outcomes only make sense in the
   * order it reported them.
   */
  public boolean olderPending(ReportedOutcome outcome) {
    Number older =
        (Number)
            sql("SELECT COUNT(*) FROM transcode_outcome WHERE version_id = ? AND id < ?")
                .setParameter(1, outcome.versionId())
                .setParameter(2, outcome.id())
                .getSingleResult();
    return older.longValue() > 0;
  }

  /** The outcome is applied or refused: it goes. */
  public void remove(long id) {
    sql("DELETE FROM transcode_outcome WHERE id = ?").setParameter(1, id).executeUpdate();
  }

  /** Applying row {@code id} failed: it is tried again after a doubling back-off. */
  public void postpone(long id) {
    // due_at first: MariaDB assigns left to right, and the back-off uses the old attempt count.
    sql("UPDATE transcode_outcome SET due_at = CURRENT_TIMESTAMP(6) + INTERVAL"
            + " LEAST(1 << LEAST(attempts, 10), ?) SECOND, attempts = attempts + 1"
            + " WHERE id = ?")
        .setParameter(1, MAX_BACKOFF_SECONDS)
        .setParameter(2, id)
        .executeUpdate();
  }

  /** A media hash a job of before V17 reported in clear: its row, version and value. */
  public record PlaintextHash(long id, String versionId, String hash) {}

  /**
   * Up to {@code limit} reported media hashes of {@code tenantId} still in clear, locked for this
   * transaction (rows another node holds are skipped).
   */
  public List<PlaintextHash> plaintextHashes(String tenantId, int limit) {
    List<?> rows =
        sql("SELECT id, version_id, media_sha256 FROM transcode_outcome WHERE tenant_id = ?"
                + " AND media_sha256 IS NOT NULL AND media_sha256 NOT LIKE 'f2:%' ORDER BY id"
                + " LIMIT ? FOR UPDATE SKIP LOCKED")
            .setParameter(1, tenantId)
            .setParameter(2, limit)
            .getResultList();
    return rows.stream()
        .map(Object[].class::cast)
        .map(r -> new PlaintextHash(((Number) r[0]).longValue(), (String) r[1], (String) r[2]))
        .toList();
  }

  /** Replaces the hash of row {@code id} by its sealed form. */
  public void sealHash(long id, String sealedHash) {
    sql("UPDATE transcode_outcome SET media_sha256 = ? WHERE id = ?")
        .setParameter(1, sealedHash)
        .setParameter(2, id)
        .executeUpdate();
  }

  /** A native query on the outbox, allowed past EclipseLink's multitenant guard. */
  private Query sql(String sql) {
    return em.createNativeQuery(sql).setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, HintValues.TRUE);
  }

  private static ReportedOutcome outcome(Object[] r) {
    return new ReportedOutcome(
        ((Number) r[0]).longValue(),
        (String) r[1],
        (String) r[2],
        (String) r[3],
        OutcomeKind.valueOf((String) r[4]),
        (String) r[5],
        (String) r[6],
        (String) r[7],
        r[8] == null ? null : ((Number) r[8]).longValue(),
        r[9] == null ? null : ((Number) r[9]).intValue(),
        r[10] == null ? null : ((Number) r[10]).intValue(),
        (String) r[11],
        r[12] == null ? null : ((Number) r[12]).intValue());
  }
}
