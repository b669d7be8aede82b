package io.kursfilm.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

class ReleasedMigrationEditsTest {

  /**
   * The recorded "after" checksum must be the one Flyway computes for the migration as it is now
   * (CRC32 over the lines without their line breaks), or an old installation would still not start.
   */
  @Test
  void the_new_checksums_are_those_of_the_migrations_in_the_jar() throws Exception {
    for (ReleasedMigrationEdits.Edit edit : ReleasedMigrationEdits.EDITS) {
      assertEquals(edit.after(), checksum(script(edit.version())), "V" + edit.version());
    }
  }

  private static String script(String version) {
    return switch (version) {
      case "1" -> "db/migration/V1__foundation.sql";
      case "2" -> "db/migration/V2__audit.sql";
      default -> throw new IllegalArgumentException(version);
    };
  }

  private static int checksum(String resource) throws Exception {
    CRC32 crc = new CRC32();
    try (InputStream in =
            ReleasedMigrationEditsTest.class.getClassLoader().getResourceAsStream(resource);
        BufferedReader lines =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        crc.update(line.getBytes(StandardCharsets.UTF_8));
      }
    }
    return (int) crc.getValue();
  }
}
