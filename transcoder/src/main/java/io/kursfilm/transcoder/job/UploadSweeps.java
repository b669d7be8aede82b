package io.kursfilm.transcoder.job;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The application's sweeps over uploads across tenants, read by plain JDBC next to the queue they
 * look at: versions that wait for a job they do not have, and resumable uploads nobody continued.
 * Reads only; what is done with them goes through the video component.
 */
public class UploadSweeps {

  private final DataSource dataSource;

  public UploadSweeps(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Uploads completed before {@code before} that still wait for a job, as {tenant id, version id}
   * pairs, for the sweep that re-enqueues them. A version with outcomes still to apply is not
   * stranded: its job ran.
   */
  public List<String[]> stranded(Instant before) {
    return pairs(
        "SELECT v.tenant_id, v.id FROM video_version v WHERE v.state = 'UPLOADED'"
            + " AND v.updated_at < ? AND NOT EXISTS (SELECT 1 FROM scheduled_tasks t"
            + " WHERE t.task_name = ? AND t.task_instance = v.id) AND NOT EXISTS"
            + " (SELECT 1 FROM transcode_outcome o WHERE o.version_id = v.id)",
        Timestamp.from(before),
        TranscodeQueue.TASK);
  }

  /**
   * Resumable uploads nobody has continued since {@code before}, as {tenant id, version id} pairs,
   * for the purge that deletes their chunks and rows.
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
      throw new JdbcOutcomePort.JobStoreException(e);
    }
  }
}
