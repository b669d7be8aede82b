package io.kursfilm.operator.control;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Reads which rows of a tenant own objects, straight from the tables (ids and states only, no
 * personal data), like the upload sweeps do: the reconciliation needs every version of every state,
 * which no component's boundary lists, and must not pull entities into the shared cache.
 */
@Stateless
public class OwnedObjects {

  /** States in which a transcode job may be writing a rendition that no row names yet. */
  private static final Set<String> TRANSCODING = Set.of("UPLOADED", "PROCESSING");

  @Resource(lookup = "java:app/jdbc/kursfilm")
  DataSource dataSource;

  public Owners of(String tenantId) {
    try (Connection c = dataSource.getConnection()) {
      return new Owners(versions(c, tenantId), captions(c, tenantId), exports(c, tenantId));
    } catch (SQLException e) {
      throw new IllegalStateException("owners of the tenant's objects unreadable", e);
    }
  }

  private static Map<String, Owners.Version> versions(Connection c, String tenantId)
      throws SQLException {
    Map<String, Owners.Version> versions = new HashMap<>();
    try (PreparedStatement s =
        c.prepareStatement("SELECT id, rendition, state FROM video_version WHERE tenant_id = ?")) {
      s.setString(1, tenantId);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          versions.put(
              r.getString(1),
              new Owners.Version(
                  Optional.ofNullable(r.getString(2)), TRANSCODING.contains(r.getString(3))));
        }
      }
    }
    return versions;
  }

  private static Set<String> captions(Connection c, String tenantId) throws SQLException {
    return strings(
        c,
        "SELECT CONCAT(version_id, '/', language) FROM video_caption WHERE tenant_id = ?",
        tenantId);
  }

  private static Set<String> exports(Connection c, String tenantId) throws SQLException {
    return strings(
        c, "SELECT id FROM offboarding WHERE tenant_id = ? AND state <> 'CANCELLED'", tenantId);
  }

  private static Set<String> strings(Connection c, String sql, String tenantId)
      throws SQLException {
    Set<String> found = new HashSet<>();
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, tenantId);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          found.add(r.getString(1));
        }
      }
    }
    return found;
  }
}
