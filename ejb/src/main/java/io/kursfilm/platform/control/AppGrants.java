package io.kursfilm.platform.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Restricts the application's database account after the schema owner migrated: SELECT on the whole
 * database, SELECT, INSERT, UPDATE, DELETE per table, but only SELECT, INSERT on {@code
 * audit_entry} (the log is append-only for the app, so stolen app credentials cannot rewrite it)
 * and only SELECT on Flyway's history. MariaDB cannot exclude one table from a database-wide grant,
 * hence database-wide DML is revoked and granted table by table, every start, so tables added by
 * later migrations are covered. Run over the owner's connection, which holds ALL WITH GRANT OPTION
 * on the database.
 */
final class AppGrants {

  /** Tables the app may only append to and read. */
  static final Set<String> APPEND_ONLY = Set.of("audit_entry");

  /** Tables the app may only read. */
  static final Set<String> READ_ONLY = Set.of("flyway_schema_history");

  /** An account part as MariaDB reports it in CURRENT_USER(); anything else is refused. */
  private static final Pattern ACCOUNT_PART = Pattern.compile("[A-Za-z0-9_.%:-]{1,80}");

  private AppGrants() {}

  /**
   * Applies the grants to {@code account} ({@code user@host}, as CURRENT_USER() of the app's own
   * connection reports it) in the owner connection's current database. Returns the tables granted.
   */
  static List<String> apply(Connection owner, String account) throws SQLException {
    String grantee = grantee(account);
    List<String> tables = tables(owner);
    try (Statement s = owner.createStatement()) {
      // A database-wide SELECT first, so the REVOKE ALL below always has a grant to revoke.
      s.execute("GRANT SELECT ON " + database(owner) + ".* TO " + grantee);
      s.execute("REVOKE ALL PRIVILEGES ON " + database(owner) + ".* FROM " + grantee);
      s.execute("GRANT SELECT ON " + database(owner) + ".* TO " + grantee);
      for (String table : tables) {
        String t = database(owner) + "." + quote(table);
        // Grant something first, so REVOKE ALL has a grant to remove; then the intended set.
        s.execute("GRANT SELECT ON " + t + " TO " + grantee);
        s.execute("REVOKE ALL PRIVILEGES ON " + t + " FROM " + grantee);
        s.execute("GRANT " + privileges(table) + " ON " + t + " TO " + grantee);
      }
    }
    return tables;
  }

  static String privileges(String table) {
    if (APPEND_ONLY.contains(table)) {
      return "SELECT, INSERT";
    }
    if (READ_ONLY.contains(table)) {
      return "SELECT";
    }
    return "SELECT, INSERT, UPDATE, DELETE";
  }

  /** {@code 'user'@'host'} from {@code user@host}. */
  static String grantee(String account) {
    int at = account.lastIndexOf('@');
    if (at < 1) {
      throw new IllegalArgumentException("unexpected database account");
    }
    String user = account.substring(0, at);
    String host = account.substring(at + 1);
    if (!ACCOUNT_PART.matcher(user).matches() || !ACCOUNT_PART.matcher(host).matches()) {
      throw new IllegalArgumentException("unexpected database account");
    }
    return "'" + user + "'@'" + host + "'";
  }

  private static List<String> tables(Connection owner) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (PreparedStatement q =
            owner.prepareStatement(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()"
                    + " AND table_type IN ('BASE TABLE', 'SEQUENCE') ORDER BY table_name");
        ResultSet rs = q.executeQuery()) {
      while (rs.next()) {
        tables.add(rs.getString(1));
      }
    }
    return tables;
  }

  private static String database(Connection owner) throws SQLException {
    try (Statement s = owner.createStatement();
        ResultSet rs = s.executeQuery("SELECT DATABASE()")) {
      rs.next();
      return quote(rs.getString(1));
    }
  }

  private static String quote(String identifier) {
    return "`" + identifier.replace("`", "``") + "`";
  }
}
