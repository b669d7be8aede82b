package io.kursfilm.web.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Everything a tenant has left in the system, seen from outside the app: its rows per tenant-owned
 * table (the tables with a {@code tenant_id} in {@code tenant-columns.csv}), the object keys of its
 * bucket (S3Proxy's filesystem backend) and the files in the app's transcode work directory. Two
 * snapshots that differ name what an action left behind.
 */
public record TenantFootprint(Map<String, Long> rows, Set<String> objects, Set<String> workFiles) {

  /** The tables that carry a tenant id, from the documented list of tenant columns. */
  public static Set<String> tenantTables() {
    try (InputStream in = TenantFootprint.class.getResourceAsStream("/tenant-columns.csv")) {
      Set<String> tables = new TreeSet<>();
      new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .map(line -> line.split(","))
          .filter(cells -> cells.length > 1 && cells[1].equals("tenant_id"))
          .forEach(cells -> tables.add(cells[0]));
      return tables;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The footprint of tenant {@code tenantId} now, without the rows of {@code ignoredTables}. */
  public static TenantFootprint of(String tenantId, Set<String> ignoredTables) throws Exception {
    Map<String, Long> rows = new TreeMap<>();
    try (Connection db =
        DriverManager.getConnection(
            System.getProperty("kursfilm.it.db.url"),
            System.getProperty("kursfilm.it.db.user"),
            System.getProperty("kursfilm.it.db.password"))) {
      for (String table : tenantTables()) {
        if (ignoredTables.contains(table)) {
          continue;
        }
        // Table names come from our own committed list, never from input.
        try (PreparedStatement count =
            db.prepareStatement("SELECT COUNT(*) FROM " + table + " WHERE tenant_id = ?")) {
          count.setString(1, tenantId);
          try (ResultSet rs = count.executeQuery()) {
            rs.next();
            rows.put(table, rs.getLong(1));
          }
        }
      }
    }
    return new TenantFootprint(rows, files(bucket(tenantId)), files(workDir()));
  }

  /** The tenant's bucket as S3Proxy's filesystem backend stores it. */
  public static Path bucket(String tenantId) {
    return Path.of(System.getProperty("kursfilm.it.s3.dir"))
        .resolve("blobs")
        .resolve("kursfilm-" + tenantId.toLowerCase(Locale.ROOT));
  }

  /** The app's transcode work directory ({@code KURSFILM_TRANSCODE_WORK_DIR}). */
  public static Path workDir() {
    return Path.of(System.getProperty("kursfilm.it.work.dir"));
  }

  private static Set<String> files(Path root) throws IOException {
    Set<String> found = new TreeSet<>();
    if (!Files.isDirectory(root)) {
      return found;
    }
    try (Stream<Path> all = Files.walk(root)) {
      all.filter(Files::isRegularFile).forEach(f -> found.add(root.relativize(f).toString()));
    }
    return found;
  }

  /** What {@code after} has that this snapshot has not (rows counted up, new keys and files). */
  public String leftBy(TenantFootprint after) {
    StringBuilder left = new StringBuilder();
    after.rows.forEach(
        (table, n) -> {
          long before = rows.getOrDefault(table, 0L);
          if (n != before) {
            left.append(table).append(": ").append(before).append(" -> ").append(n).append("; ");
          }
        });
    Set<String> objects = new TreeSet<>(after.objects);
    objects.removeAll(this.objects);
    if (!objects.isEmpty()) {
      left.append("objects ").append(objects).append("; ");
    }
    Set<String> work = new TreeSet<>(after.workFiles);
    work.removeAll(this.workFiles);
    if (!work.isEmpty()) {
      left.append("work files ").append(work).append("; ");
    }
    return left.toString();
  }

  /** How many things the snapshot counted: rows, objects and work files. */
  public long size() {
    return rows.values().stream().mapToLong(Long::longValue).sum()
        + objects.size()
        + workFiles.size();
  }
}
