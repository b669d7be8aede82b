package io.kursfilm.transcoder.job;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * {@link OutcomePort} over plain JDBC, so that a standalone worker needs no JPA: it reads {@code
 * video_version} and only ever inserts into the {@code transcode_outcome} outbox, one
 * auto-committed statement per report. The application applies the rows; {@code afterReport} lets
 * an in-app job ask it to do so at once instead of at its next poll.
 */
public class JdbcOutcomePort implements OutcomePort {

  private static final String INSERT =
      "INSERT INTO transcode_outcome (tenant_id, version_id, claim, kind, reason, detail,"
          + " rendition, duration_ms, width, height, media_sha256, percent, created_at)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private final DataSource dataSource;
  private final Clock clock;
  private final Runnable afterReport;

  public JdbcOutcomePort(DataSource dataSource, Clock clock) {
    this(dataSource, clock, () -> {});
  }

  /**
   * @param afterReport run after every committed report, on the job's thread; must not block
   */
  public JdbcOutcomePort(DataSource dataSource, Clock clock, Runnable afterReport) {
    this.dataSource = dataSource;
    this.clock = clock;
    this.afterReport = afterReport;
  }

  /**
   * Reads the version and, when a job may work on it, reports a fresh claim. Whether the claim wins
   * is decided when the application applies it; a claim it refuses makes this attempt's later
   * outcomes refused too.
   */
  @Override
  public Optional<JobSubject> claim(String tenantId, String versionId) {
    Optional<JobSubject> subject;
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT original_size, chunk_size FROM video_version WHERE tenant_id = ?"
                    + " AND id = ? AND state IN ('UPLOADED', 'PROCESSING')"
                    + " AND NOT cancel_requested")) {
      s.setString(1, tenantId);
      s.setString(2, versionId);
      try (ResultSet r = s.executeQuery()) {
        subject =
            r.next()
                ? Optional.of(
                    new JobSubject(
                        tenantId,
                        versionId,
                        r.getLong(1),
                        r.getInt(2),
                        UUID.randomUUID().toString()))
                : Optional.empty();
      }
    } catch (SQLException e) {
      throw new JobStoreException(e);
    }
    subject.ifPresent(claimed -> report(claimed, OutcomeKind.CLAIMED, Payload.NONE));
    return subject;
  }

  /**
   * Merges into the attempt's pending progress row when there is one, so a transcode leaves at most
   * one progress row waiting, however often it reports.
   */
  @Override
  public void progress(JobSubject subject, int percent) {
    run(
        "INSERT INTO transcode_outcome (tenant_id, version_id, claim, kind, percent, created_at)"
            + " VALUES (?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE"
            + " percent = GREATEST(percent, VALUES(percent)), created_at = VALUES(created_at)",
        subject.tenantId(),
        subject.versionId(),
        subject.claim(),
        OutcomeKind.PROGRESS.name(),
        percent,
        now());
    afterReport.run();
  }

  @Override
  public boolean cancelRequested(String tenantId, String versionId) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT cancel_requested FROM video_version WHERE tenant_id = ? AND id = ?")) {
      s.setString(1, tenantId);
      s.setString(2, versionId);
      try (ResultSet r = s.executeQuery()) {
        // A row that is gone was deleted: as good as cancelled.
        return !r.next() || r.getBoolean(1);
      }
    } catch (SQLException e) {
      throw new JobStoreException(e);
    }
  }

  @Override
  public void rejected(JobSubject subject, String reason, String detail) {
    report(subject, OutcomeKind.REJECTED, Payload.because(reason, detail));
  }

  @Override
  public void published(JobSubject subject, Published result) {
    report(
        subject,
        OutcomeKind.PUBLISHED,
        new Payload(
            null,
            null,
            result.rendition(),
            result.duration().toMillis(),
            result.width(),
            result.height(),
            result.mediaSha256()));
  }

  @Override
  public void failed(JobSubject subject, String detail) {
    report(subject, OutcomeKind.FAILED, Payload.because("TRANSCODE_FAILED", detail));
  }

  @Override
  public void discarded(String tenantId, String versionId) {
    insert(tenantId, versionId, null, OutcomeKind.DISCARD, Payload.NONE);
  }

  private void report(JobSubject subject, OutcomeKind kind, Payload p) {
    insert(subject.tenantId(), subject.versionId(), subject.claim(), kind, p);
  }

  private void insert(
      String tenantId, String versionId, String claim, OutcomeKind kind, Payload p) {
    run(
        INSERT,
        tenantId,
        versionId,
        claim,
        kind.name(),
        p.reason(),
        p.detail(),
        p.rendition(),
        p.durationMs(),
        p.width(),
        p.height(),
        p.mediaSha256(),
        null,
        now());
    afterReport.run();
  }

  private void run(String sql, Object... parameters) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        s.setObject(i + 1, parameters[i]);
      }
      s.executeUpdate();
    } catch (SQLException e) {
      throw new JobStoreException(e);
    }
  }

  private Timestamp now() {
    return Timestamp.from(clock.instant());
  }

  /** The columns an outcome fills besides its kind; the others stay NULL. */
  private record Payload(
      String reason,
      String detail,
      String rendition,
      Long durationMs,
      Integer width,
      Integer height,
      String mediaSha256) {

    static final Payload NONE = new Payload(null, null, null, null, null, null, null);

    /** A reason key and a detail cut to its column's 200 characters. */
    static Payload because(String reason, String detail) {
      String cut = detail == null || detail.length() <= 200 ? detail : detail.substring(0, 200);
      return new Payload(reason, cut, null, null, null, null, null);
    }
  }

  /** The queue's database could not be reached; the job is retried. */
  public static class JobStoreException extends RuntimeException {
    JobStoreException(SQLException cause) {
      super("video job store unavailable", cause);
    }
  }
}
