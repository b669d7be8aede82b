package io.kursfilm.platform.control;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Asks the database whether it answers. An EJB so that the data source resolves in the
 * application's naming context whichever thread asks (the health endpoint's does not have it on
 * Payara Server).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DatabaseProbe {

  @Resource(lookup = "java:app/jdbc/kursfilm")
  DataSource dataSource;

  public void ping() {
    try (Connection c = dataSource.getConnection()) {
      if (!c.isValid(2)) {
        throw new IllegalStateException("connection not valid");
      }
    } catch (SQLException e) {
      throw new IllegalStateException("database unreachable", e);
    }
  }
}
