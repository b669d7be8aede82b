package io.kursfilm.transcoder.job;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * {@link JobLedger} over plain JDBC, so that a standalone worker needs no JPA. Each call is one
 * auto-committed statement; the application does not cache {@code video} rows across transactions,
 * so its reads see these writes at once.
 */
public class JdbcJobLedger implements JobLedger {

  private final DataSource dataSource;
  private final Clock clock;

  public JdbcJobLedger(DataSource dataSource, Clock clock) {
    this.dataSource = dataSource;
    this.clock = clock;
  }

  @Override
  public Optional<JobSubject> claim(String tenantId, String videoId) {
    String claim = UUID.randomUUID().toString();
    try (Connection c = dataSource.getConnection()) {
      int claimed =
          update(
              c,
              "UPDATE video_version SET state = 'PROCESSING', progress = 0, error = NULL,"
                  + " error_detail = NULL, job_claim = ?, updated_at = ? WHERE tenant_id = ?"
                  + " AND id = ? AND state IN ('UPLOADED', 'PROCESSING') AND NOT cancel_requested",
              claim,
              now(),
              tenantId,
              videoId);
      if (claimed == 0) {
        return Optional.empty();
      }
      try (PreparedStatement s =
          c.prepareStatement(
              "SELECT original_size, chunk_size FROM video_version WHERE tenant_id = ? AND id = ?")) {
        s.setString(1, tenantId);
        s.setString(2, videoId);
        try (ResultSet r = s.executeQuery()) {
          return r.next()
              ? Optional.of(new JobSubject(tenantId, videoId, r.getLong(1), r.getInt(2), claim))
              : Optional.empty();
        }
      }
    } catch (SQLException e) {
      throw new JobStoreException(e);
    }
  }

  @Override
  public void progress(String tenantId, String videoId, int percent) {
    run(
        "UPDATE video_version SET progress = ?, updated_at = ? WHERE tenant_id = ? AND id = ?"
            + " AND state = 'PROCESSING'",
        percent,
        now(),
        tenantId,
        videoId);
  }

  @Override
  public boolean cancelRequested(String tenantId, String videoId) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT cancel_requested FROM video_version WHERE tenant_id = ? AND id = ?")) {
      s.setString(1, tenantId);
      s.setString(2, videoId);
      try (ResultSet r = s.executeQuery()) {
        // A row that is gone was deleted: as good as cancelled.
        return !r.next() || r.getBoolean(1);
      }
    } catch (SQLException e) {
      throw new JobStoreException(e);
    }
  }

  @Override
  public void rejected(String tenantId, String videoId, String reason, String detail) {
    run(
        "UPDATE video_version SET state = 'REJECTED_INPUT', error = ?, error_detail = ?, progress = 0,"
            + " updated_at = ? WHERE tenant_id = ? AND id = ?",
        reason,
        truncate(detail),
        now(),
        tenantId,
        videoId);
  }

  /**
   * One conditional statement, so the check and the write cannot be split by another writer: only
   * the attempt holding the latest claim publishes, and only while the video is still processing
   * and not cancelled.
   */
  @Override
  public boolean published(JobSubject subject, Published result) {
    try (Connection c = dataSource.getConnection()) {
      return update(
              c,
              "UPDATE video_version SET state = 'IN_REVIEW', progress = 100, rendition = ?,"
                  + " duration_ms = ?, width = ?, height = ?, media_sha256 = ?, updated_at = ?"
                  + " WHERE tenant_id = ? AND id = ? AND state = 'PROCESSING' AND job_claim = ?"
                  + " AND NOT cancel_requested",
              result.rendition(),
              result.duration().toMillis(),
              result.width(),
              result.height(),
              result.mediaSha256(),
              now(),
              subject.tenantId(),
              subject.videoId(),
              subject.claim())
          == 1;
    } catch (SQLException e) {
      throw new JobStoreException(e);
    }
  }

  @Override
  public void failed(String tenantId, String videoId, String detail) {
    run(
        "UPDATE video_version SET state = 'FAILED', error = 'TRANSCODE_FAILED', error_detail = ?,"
            + " updated_at = ? WHERE tenant_id = ? AND id = ?",
        truncate(detail),
        now(),
        tenantId,
        videoId);
  }

  @Override
  public void discard(String tenantId, String videoId) {
    run("DELETE FROM video_version WHERE tenant_id = ? AND id = ?", tenantId, videoId);
    // A first version has its video's id: the video goes with it.
    run("DELETE FROM video WHERE tenant_id = ? AND id = ?", tenantId, videoId);
  }

  /**
   * Uploads completed before {@code before} that still wait for a job, as {tenant id, video id}
   * pairs; across tenants, for the sweep that re-enqueues them.
   */
  public List<String[]> stranded(Instant before) {
    return pairs(
        "SELECT v.tenant_id, v.id FROM video_version v WHERE v.state = 'UPLOADED'"
            + " AND v.updated_at < ? AND NOT EXISTS (SELECT 1 FROM scheduled_tasks t"
            + " WHERE t.task_name = ? AND t.task_instance = v.id)",
        Timestamp.from(before),
        TranscodeQueue.TASK);
  }

  /**
   * Resumable uploads nobody has continued since {@code before}, as {tenant id, video id} pairs
   * across tenants, for the purge that deletes their chunks and rows.
   */
  public List<String[]> abandoned(Instant before) {
    return pairs(
        "SELECT tenant_id, id FROM video_version WHERE state = 'UPLOADING' AND updated_at < ?",
        Timestamp.from(before));
  }

  private List<String[]> pairs(String sql, Object... parameters) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        s.setObject(i + 1, parameters[i]);
      }
      List<String[]> found = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          found.add(new String[] {r.getString(1), r.getString(2)});
        }
      }
      return found;
    } catch (SQLException e) {
      throw new JobStoreException(e);
    }
  }

  private void run(String sql, Object... parameters) {
    try (Connection c = dataSource.getConnection()) {
      update(c, sql, parameters);
    } catch (SQLException e) {
      throw new JobStoreException(e);
    }
  }

  private static int update(Connection c, String sql, Object... parameters) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        s.setObject(i + 1, parameters[i]);
      }
      return s.executeUpdate();
    }
  }

  private Timestamp now() {
    return Timestamp.from(clock.instant());
  }

  private static String truncate(String detail) {
    return detail == null || detail.length() <= 200 ? detail : detail.substring(0, 200);
  }

  /** The queue's database could not be reached; the job is retried. */
  public static class JobStoreException extends RuntimeException {
    JobStoreException(SQLException cause) {
      super("video job store unavailable", cause);
    }
  }
}
