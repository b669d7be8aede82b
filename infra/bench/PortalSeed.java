import io.kursfilm.storage.field.FieldCipher;
import io.kursfilm.storage.keys.KeyStoreSettings;
import io.kursfilm.storage.keys.LocalKeyStore;
import io.kursfilm.tenant.control.SlugIndex;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Bench-only seeder for infra/bench/portal: a tenant of {@code employees} employees in one group,
 * {@code videos} published videos (rows cloned from one real published video of the tenant, each
 * with its own title sealed to its own row, so they share the template's rendition) and {@code
 * assignments} assignments for one employee (most to them, some to the group, due dates from last
 * month to next year, a third of the videos completed), written straight into the database of a
 * local installation and sealed as the app seals them (storage's FieldCipher, row-bound values).
 *
 * <p>Never part of the app. Idempotent: ids are derived from fixed names, existing rows are kept,
 * the bench assignments are replaced on every run. Run with the worker jar and the ejb classes on
 * the class path: {@code java -cp worker.jar:ejb/target/classes PortalSeed.java tenantSlug
 * templateVideoId employeeEmail employees videos assignments}; database and key store from the
 * environment ({@code BENCH_DB_URL}, {@code BENCH_DB_USER}, {@code BENCH_DB_PASSWORD}, {@code
 * BENCH_KEYSTORE_DIR}), never the command line.
 */
public class PortalSeed {

  private static final int BATCH = 500;

  public static void main(String[] a) throws Exception {
    String slug = a[0];
    String template = a[1];
    String employeeEmail = a[2];
    int employees = Integer.parseInt(a[3]);
    int videos = Integer.parseInt(a[4]);
    int assignments = Integer.parseInt(a[5]);
    LocalKeyStore keys =
        new KeyStoreSettings(
                Path.of(env("BENCH_KEYSTORE_DIR")),
                Optional.empty(),
                false,
                Optional.empty(),
                Optional.empty(),
                Duration.ofMinutes(5))
            .open();
    FieldCipher cipher = new FieldCipher(keys, Duration.ofMinutes(5), Clock.systemUTC());
    try (Connection db =
        DriverManager.getConnection(
            env("BENCH_DB_URL"), env("BENCH_DB_USER"), env("BENCH_DB_PASSWORD"))) {
      db.setAutoCommit(false);
      String tenantId;
      byte[] indexKey;
      try (PreparedStatement q =
          db.prepareStatement("SELECT id, index_key FROM tenant WHERE slug_index = ?")) {
        q.setString(1, SlugIndex.of(keys.platformKeysets(), slug));
        try (ResultSet r = q.executeQuery()) {
          if (!r.next()) {
            throw new IllegalArgumentException("no tenant " + slug);
          }
          tenantId = r.getString(1);
          indexKey = r.getBytes(2);
        }
      }
      String employee =
          single(
              db,
              "SELECT id FROM app_user WHERE tenant_id = ? AND email_index = ?",
              tenantId,
              cipher.blindIndex(tenantId, indexKey, "user.email", employeeEmail));
      long start = System.nanoTime();
      List<String> staff = employees(db, cipher, tenantId, indexKey, slug, employees);
      staff.add(employee);
      db.commit();
      System.out.printf("employees: %d (%.1f s)%n", staff.size(), seconds(start));
      start = System.nanoTime();
      List<String> videoIds = videos(db, cipher, tenantId, template, videos);
      db.commit();
      System.out.printf("published videos: %d (%.1f s)%n", videoIds.size(), seconds(start));
      start = System.nanoTime();
      String group = group(db, cipher, tenantId, staff);
      db.commit();
      System.out.printf("group of %d (%.1f s)%n", staff.size(), seconds(start));
      start = System.nanoTime();
      assign(db, tenantId, employee, group, videoIds, assignments);
      db.commit();
      System.out.printf("assignments: %d (%.1f s)%n", assignments, seconds(start));
    }
  }

  private static String id(String name) {
    return UUID.nameUUIDFromBytes(("portal-bench-" + name).getBytes(StandardCharsets.UTF_8))
        .toString();
  }

  /** bench-employee-1 … n, as infra/bench/QuizSeed.java makes them (shared between the benches). */
  private static List<String> employees(
      Connection db, FieldCipher cipher, String tenantId, byte[] indexKey, String slug, int n)
      throws Exception {
    Map<String, String> byIndex = new HashMap<>();
    try (PreparedStatement q =
        db.prepareStatement("SELECT email_index, id FROM app_user WHERE tenant_id = ?")) {
      q.setString(1, tenantId);
      try (ResultSet r = q.executeQuery()) {
        while (r.next()) {
          byIndex.put(r.getString(1), r.getString(2));
        }
      }
    }
    List<String> ids = new ArrayList<>();
    try (PreparedStatement user =
            db.prepareStatement(
                "INSERT INTO app_user (id, tenant_id, email, email_index, display_name, active,"
                    + " email_verified, created_at, version, session_epoch)"
                    + " VALUES (?, ?, ?, ?, ?, TRUE, TRUE, ?, 0, 0)");
        PreparedStatement role =
            db.prepareStatement("INSERT INTO user_role (user_id, role) VALUES (?, 'EMPLOYEE')")) {
      int pending = 0;
      for (int i = 1; i <= n; i++) {
        String email = String.format("bench-employee-%05d@%s.example", i, slug);
        String index = cipher.blindIndex(tenantId, indexKey, "user.email", email);
        String id = byIndex.get(index);
        if (id == null) {
          id = UUID.randomUUID().toString();
          FieldCipher.Row row = new FieldCipher.Row("app_user", id);
          user.setString(1, id);
          user.setString(2, tenantId);
          user.setString(3, cipher.encrypt(tenantId, row, "user.email", email));
          user.setString(4, index);
          user.setString(5, cipher.encrypt(tenantId, row, "user.display_name", "Bench " + i));
          user.setTimestamp(6, Timestamp.from(Instant.now()));
          user.addBatch();
          role.setString(1, id);
          role.addBatch();
          if (++pending == BATCH) {
            user.executeBatch();
            role.executeBatch();
            pending = 0;
          }
        }
        ids.add(id);
      }
      user.executeBatch();
      role.executeBatch();
    }
    return ids;
  }

  /** Clones of the template's published version, each its own video with its own sealed title. */
  private static List<String> videos(
      Connection db, FieldCipher cipher, String tenantId, String template, int n)
      throws Exception {
    String versionId =
        single(
            db,
            "SELECT published_version_id FROM video WHERE tenant_id = ? AND id = ?",
            tenantId,
            template);
    List<String> versionColumns = columns(db, "video_version");
    List<String> videoColumns = columns(db, "video");
    Set<String> existing = new HashSet<>();
    try (PreparedStatement q = db.prepareStatement("SELECT id FROM video WHERE tenant_id = ?")) {
      q.setString(1, tenantId);
      try (ResultSet r = q.executeQuery()) {
        while (r.next()) {
          existing.add(r.getString(1));
        }
      }
    }
    List<String> ids = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      String id = id("video-" + i);
      ids.add(id);
      if (existing.contains(id)) {
        continue;
      }
      FieldCipher.Row row = new FieldCipher.Row("video_version", id);
      copy(
          db,
          "video",
          videoColumns,
          template,
          Map.of("id", id, "latest_version_id", id, "published_version_id", id));
      copy(
          db,
          "video_version",
          versionColumns,
          versionId,
          Map.of(
              "id", id,
              "video_id", id,
              "title", cipher.encrypt(tenantId, row, "title", "Bench training " + i),
              "description", cipher.encrypt(tenantId, row, "description", "Seeded for the bench"),
              "tags", cipher.encrypt(tenantId, row, "tags", "bench"),
              "media_sha256", cipher.encrypt(tenantId, row, "media_sha256", "bench-" + i)));
    }
    return ids;
  }

  /** Inserts a copy of row {@code sourceId} of {@code table} with some columns replaced. */
  private static void copy(
      Connection db, String table, List<String> columns, String sourceId, Map<String, String> set)
      throws Exception {
    StringBuilder select = new StringBuilder();
    List<String> values = new ArrayList<>();
    for (String c : columns) {
      if (select.length() > 0) {
        select.append(", ");
      }
      if (set.containsKey(c)) {
        select.append("?");
        values.add(set.get(c));
      } else {
        select.append(c);
      }
    }
    String sql =
        "INSERT INTO " + table + " (" + String.join(", ", columns) + ") SELECT " + select
            + " FROM " + table + " WHERE id = ?";
    try (PreparedStatement s = db.prepareStatement(sql)) {
      int i = 1;
      for (String v : values) {
        s.setString(i++, v);
      }
      s.setString(i, sourceId);
      if (s.executeUpdate() != 1) {
        throw new IllegalStateException("no " + table + " " + sourceId);
      }
    }
  }

  /** "Bench all staff" with every employee in it. */
  private static String group(Connection db, FieldCipher cipher, String tenantId, List<String> staff)
      throws Exception {
    String id = id("group");
    try (PreparedStatement s =
        db.prepareStatement(
            "INSERT IGNORE INTO learner_group (id, tenant_id, name, created_at) VALUES (?, ?, ?, ?)")) {
      s.setString(1, id);
      s.setString(2, tenantId);
      s.setString(
          3, cipher.encrypt(tenantId, new FieldCipher.Row("learner_group", id), "name", "Bench all staff"));
      s.setTimestamp(4, Timestamp.from(Instant.now().minus(Duration.ofDays(60))));
      s.executeUpdate();
    }
    try (PreparedStatement s =
        db.prepareStatement(
            "INSERT IGNORE INTO group_member (id, tenant_id, group_id, user_id, joined_at)"
                + " VALUES (?, ?, ?, ?, ?)")) {
      int pending = 0;
      for (String user : staff) {
        s.setString(1, id("member-" + user));
        s.setString(2, tenantId);
        s.setString(3, id);
        s.setString(4, user);
        s.setTimestamp(5, Timestamp.from(Instant.now().minus(Duration.ofDays(60))));
        s.addBatch();
        if (++pending == BATCH) {
          s.executeBatch();
          pending = 0;
        }
      }
      s.executeBatch();
    }
    return id;
  }

  /**
   * {@code n} assignments for the employee: one in ten to the whole group, the rest to them; due
   * from a month ago to a year ahead; a third of the videos completed by them.
   */
  private static void assign(
      Connection db, String tenantId, String employee, String group, List<String> videos, int n)
      throws Exception {
    try (PreparedStatement s =
        db.prepareStatement("DELETE FROM assignment WHERE tenant_id = ? AND id = ?")) {
      for (int i = 1; i <= 10_000; i++) {
        s.setString(1, tenantId);
        s.setString(2, id("assignment-" + i));
        s.addBatch();
        if (i % BATCH == 0) {
          s.executeBatch();
        }
      }
      s.executeBatch();
    }
    Instant created = Instant.now().minus(Duration.ofDays(30));
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    try (PreparedStatement assignment =
            db.prepareStatement(
                "INSERT INTO assignment (id, tenant_id, video_id, due_date, recurrence, created_by,"
                    + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
        PreparedStatement target =
            db.prepareStatement(
                "INSERT INTO assignment_target (id, tenant_id, assignment_id, user_id, group_id)"
                    + " VALUES (?, ?, ?, ?, ?)");
        PreparedStatement completion =
            db.prepareStatement(
                "INSERT IGNORE INTO video_completion (id, tenant_id, user_id, video_id,"
                    + " video_version, completed_at) VALUES (?, ?, ?, ?, 1, ?)")) {
      for (int i = 1; i <= n; i++) {
        String id = id("assignment-" + i);
        String video = videos.get((i - 1) % videos.size());
        assignment.setString(1, id);
        assignment.setString(2, tenantId);
        assignment.setString(3, video);
        assignment.setObject(4, today.plusDays((i * 7L) % 400 - 30));
        assignment.setString(5, i % 4 == 0 ? "P1Y" : null);
        assignment.setString(6, employee);
        assignment.setTimestamp(7, Timestamp.from(created));
        assignment.addBatch();
        boolean toGroup = i % 10 == 0;
        target.setString(1, id("target-" + i));
        target.setString(2, tenantId);
        target.setString(3, id);
        target.setString(4, toGroup ? null : employee);
        target.setString(5, toGroup ? group : null);
        target.addBatch();
        if (i % 3 == 0) {
          completion.setString(1, id("completion-" + employee + "-" + video));
          completion.setString(2, tenantId);
          completion.setString(3, employee);
          completion.setString(4, video);
          completion.setTimestamp(5, Timestamp.from(created.plus(Duration.ofDays(1))));
          completion.addBatch();
        }
      }
      assignment.executeBatch();
      target.executeBatch();
      completion.executeBatch();
    }
  }

  private static List<String> columns(Connection db, String table) throws Exception {
    List<String> columns = new ArrayList<>();
    try (PreparedStatement q =
        db.prepareStatement(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = DATABASE()"
                + " AND table_name = ? ORDER BY ordinal_position")) {
      q.setString(1, table);
      try (ResultSet r = q.executeQuery()) {
        while (r.next()) {
          columns.add(r.getString(1));
        }
      }
    }
    return columns;
  }

  private static String single(Connection db, String sql, String... params) throws Exception {
    try (PreparedStatement q = db.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        q.setString(i + 1, params[i]);
      }
      try (ResultSet r = q.executeQuery()) {
        if (!r.next() || r.getString(1) == null) {
          throw new IllegalArgumentException("not found: " + sql);
        }
        return r.getString(1);
      }
    }
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }

  private static String env(String name) {
    String value = System.getenv(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(name + " must be set");
    }
    return value;
  }
}
