package io.kursfilm.web.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The column table in docs/architecture.md says what tenant-columns.csv says (which {@code
 * TenantColumnsIT} compares with the schema), so the written-down decisions cannot drift.
 */
class TenantColumnsDocTest {

  private static final String BEGIN = "<!-- tenant-columns:begin";
  private static final String END = "<!-- tenant-columns:end -->";

  @Test
  void the_architecture_document_lists_exactly_the_decided_columns() throws Exception {
    List<String> documented = new ArrayList<>();
    boolean inside = false;
    for (String line : Files.readAllLines(Path.of("../docs/architecture.md"))) {
      if (line.startsWith(BEGIN)) {
        inside = true;
      } else if (line.equals(END)) {
        inside = false;
      } else if (inside && line.startsWith("| `")) {
        String[] cells = line.split("\\|", -1);
        documented.add(
            String.join(
                ",",
                cells[1].strip().replace("`", ""),
                cells[2].strip().replace("`", ""),
                cells[3].strip(),
                cells[4].strip()));
      }
    }
    List<String> decided = new ArrayList<>();
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("tenant-columns.csv")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank() && !line.startsWith("table,")) {
          decided.add(line.strip());
        }
      }
    }
    assertTrue(decided.size() > 100, "the csv is read");
    assertEquals(
        decided,
        documented,
        "regenerate the table in docs/architecture.md from web/src/test/resources/tenant-columns.csv");
  }
}
