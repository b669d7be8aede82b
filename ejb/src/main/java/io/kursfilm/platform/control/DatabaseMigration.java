package io.kursfilm.platform.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * Brings the schema up to date before anything else touches the database. With {@code
 * kursfilm.db.migration-user} set, the schema owner migrates and then restricts the app's account
 * ({@link AppGrants}: no UPDATE or DELETE on the audit log); without it the app's account migrates
 * as before. Flyway manages its own transactions, hence bean-managed transactions here.
 */
@DataSourceDefinition(
    name = "java:app/jdbc/kursfilm",
    className = "org.mariadb.jdbc.MariaDbDataSource",
    url = "${MPCONFIG=kursfilm.db.url}",
    user = "${MPCONFIG=kursfilm.db.user}",
    password = "${MPCONFIG=kursfilm.db.password}",
    minPoolSize = 2,
    maxPoolSize = 30,
    // A pooled connection is checked (JDBC isValid, at most every 2 s) before it is handed out,
    // and one failed check drops them all: without this the pool kept handing out the dead
    // connections of a restarted MariaDB, and the node never recovered (FaultDrillsIT).
    properties = {
      "fish.payara.is-connection-validation-required=true",
      "fish.payara.connection-validation-method=custom-validation",
      "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.JDBC40ConnectionValidation",
      "fish.payara.validate-atmost-once-period-in-seconds=2",
      "fish.payara.fail-all-connections=true"
    })
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class DatabaseMigration {

  private static final Logger LOG = Logger.getLogger(DatabaseMigration.class.getName());

  @Resource(lookup = "java:app/jdbc/kursfilm")
  DataSource dataSource;

  @Inject
  @ConfigProperty(name = "kursfilm.db.url")
  String url;

  @Inject
  @ConfigProperty(name = "kursfilm.db.migration-user")
  Optional<String> migrationUser;

  @Inject
  @ConfigProperty(name = "kursfilm.db.migration-password")
  Optional<String> migrationPassword;

  @PostConstruct
  void migrate() {
    FluentConfiguration flyway =
        Flyway.configure(DatabaseMigration.class.getClassLoader())
            .locations("classpath:db/migration");
    Optional<String> owner = migrationUser.filter(u -> !u.isBlank());
    if (owner.isPresent()) {
      flyway.dataSource(url, owner.get(), migrationPassword.orElse(""));
    } else {
      flyway.dataSource(dataSource);
    }
    acceptCommentOnlyEdits(flyway.getDataSource());
    var result = flyway.load().migrate();
    LOG.info(
        () ->
            "schema at version "
                + result.targetSchemaVersion
                + " ("
                + result.migrationsExecuted
                + " migrations applied)");
    if (owner.isPresent()) {
      restrictAppAccount(flyway.getDataSource());
    } else {
      LOG.warning(
          "kursfilm.db.migration-user not set: the app's database account keeps UPDATE and"
              + " DELETE on the audit log");
    }
  }

  private static void acceptCommentOnlyEdits(DataSource ownerSource) {
    try (Connection owner = ownerSource.getConnection()) {
      int changed = ReleasedMigrationEdits.apply(owner);
      if (changed > 0) {
        LOG.info(() -> changed + " released migrations re-checksummed after comment-only edits");
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the migration history", e);
    }
  }

  private void restrictAppAccount(DataSource ownerSource) {
    try (Connection app = dataSource.getConnection();
        Connection owner = ownerSource.getConnection()) {
      List<String> tables = AppGrants.apply(owner, currentUser(app));
      LOG.info(() -> "app account granted DML on " + tables.size() + " tables, audit append-only");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot restrict the app's database account", e);
    }
  }

  private static String currentUser(Connection app) throws SQLException {
    try (Statement s = app.createStatement();
        ResultSet rs = s.executeQuery("SELECT CURRENT_USER()")) {
      rs.next();
      return rs.getString(1);
    }
  }
}
