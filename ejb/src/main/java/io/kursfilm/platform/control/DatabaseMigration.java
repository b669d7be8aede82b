package io.kursfilm.platform.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Brings the schema up to date before anything else touches the database. Flyway manages its own
 * transactions, hence bean-managed transactions here.
 */
@DataSourceDefinition(
    name = "java:app/jdbc/kursfilm",
    className = "org.mariadb.jdbc.MariaDbDataSource",
    url = "${MPCONFIG=kursfilm.db.url}",
    user = "${MPCONFIG=kursfilm.db.user}",
    password = "${MPCONFIG=kursfilm.db.password}",
    minPoolSize = 2,
    maxPoolSize = 30)
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class DatabaseMigration {

  private static final Logger LOG = Logger.getLogger(DatabaseMigration.class.getName());

  @Resource(lookup = "java:app/jdbc/kursfilm")
  DataSource dataSource;

  @PostConstruct
  void migrate() {
    var result =
        Flyway.configure(DatabaseMigration.class.getClassLoader())
            .dataSource(dataSource)
            .locations("classpath:db/migration")
            .load()
            .migrate();
    LOG.info(
        () ->
            "schema at version "
                + result.targetSchemaVersion
                + " ("
                + result.migrationsExecuted
                + " migrations applied)");
  }
}
