package io.kursfilm.platform.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Released migrations whose text was later changed in comments only (a reference to a document that
 * moved into the repository). Flyway would refuse to start on an installation that ran the old
 * text, because its checksum changed; this records the new checksum for exactly the old one. Any
 * other checksum still fails validation, so a real change to a released migration is still caught.
 */
final class ReleasedMigrationEdits {

  /** One edit: the checksum Flyway recorded for the old text, and the one of the text now. */
  record Edit(String version, int before, int after) {}

  static final List<Edit> EDITS =
      List.of(new Edit("1", -1976598982, -1876147148), new Edit("2", -1471828858, 997563479));

  private ReleasedMigrationEdits() {}

  /** Applies the edits to Flyway's history table, if there is one; returns rows changed. */
  static int apply(Connection owner) throws SQLException {
    if (!owner
        .getMetaData()
        .getTables(owner.getCatalog(), null, "flyway_schema_history", null)
        .next()) {
      return 0;
    }
    int changed = 0;
    try (PreparedStatement update =
        owner.prepareStatement(
            "UPDATE flyway_schema_history SET checksum = ? WHERE version = ? AND checksum = ?")) {
      for (Edit edit : EDITS) {
        update.setInt(1, edit.after());
        update.setString(2, edit.version());
        update.setInt(3, edit.before());
        changed += update.executeUpdate();
      }
    }
    return changed;
  }
}
