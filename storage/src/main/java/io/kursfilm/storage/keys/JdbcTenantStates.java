package io.kursfilm.storage.keys;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Reads tenant states straight from the {@code tenant} table (owned by the application's tenant
 * component), so another node's change is seen at the next read. For processes without JTA: the
 * standalone worker and tests. The application reads through its tenant component instead, inside
 * the caller's transaction.
 */
public final class JdbcTenantStates implements TenantStates {

  private static final String SELECT = "SELECT state FROM tenant WHERE id = ?";

  private final DataSource db;

  public JdbcTenantStates(DataSource db) {
    this.db = db;
  }

  @Override
  public Optional<String> stateOf(String tenantId) {
    try (Connection c = db.getConnection();
        PreparedStatement s = c.prepareStatement(SELECT)) {
      s.setString(1, tenantId);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      // Fail closed: a node that cannot tell whether the tenant is shredded must not use its key.
      throw new KeyStoreException("cannot read tenant state", e);
    }
  }
}
