package io.kursfilm.web.tenancy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kursfilm.web.testing.DemoTenants;
import io.kursfilm.web.testing.RestClient;
import io.kursfilm.web.testing.SharedApp;
import io.kursfilm.web.video.TestMedia;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The end of an offboarding, black box: a tenant with canaries in every kind of content is shredded
 * through the REST confirmation, and afterwards a MariaDB dump taken before the shred, the S3 data
 * directory, MariaDB's data directory, /tmp, /dev/shm and the logs hold no canary in clear; the
 * tenant's rows are gone from every table with a tenant_id but the kept bookkeeping; its objects
 * and key file are gone; the certificate verifies with infra/verify-certificate and a tampered copy
 * does not; a retried shred returns the very same certificate; the other tenants carry on. The
 * export job belongs to another part of the offboarding: the test puts the offboarding row into
 * READY_FOR_DOWNLOAD with SQL.
 */
@ExtendWith(SharedApp.class)
class OffboardingShredIT {

  private static final String PASSWORD = "a-long-shred-password";

  /** Tables that keep rows of a shredded tenant by design: platform bookkeeping, ids only. */
  private static final List<String> KEPT =
      List.of("audit_entry", "offboarding", "tenant_tombstone");

  final URL base = SharedApp.base();
  @TempDir static Path work;

  @Test
  void a_confirmed_shred_leaves_nothing_readable_and_a_certificate_that_verifies()
      throws Exception {
    String hex = UUID.randomUUID().toString().replace("-", "");
    String canary = "SHREDCANARY" + hex.substring(0, 20);
    String slug = "shred-" + hex.substring(20, 28);
    String adminEmail = "admin-" + canary.toLowerCase(Locale.ROOT) + "@shred.example";
    String root = demo().login("platform", "root");

    RestClient.Reply created =
        demo().createTenant(root, slug, "Leaving Company", adminEmail, PASSWORD);
    assertEquals(201, created.status(), created.body());
    String tenantId = created.json().getString("id");
    String admin = trainerAdmin(slug, adminEmail);

    String videoId = upload(admin, canary);
    demo().awaitState(admin, videoId, "IN_REVIEW");
    RestClient.Reply comment =
        api()
            .post(
                "api/v1/videos/" + videoId + "/comments",
                admin,
                Json.createObjectBuilder()
                    .add("atSecond", 1)
                    .add("text", canary + " comment")
                    .build());
    assertEquals(201, comment.status(), comment.body());
    RestClient.Reply quiz = api().post("api/v1/videos/" + videoId + "/quiz", admin, quiz(canary));
    assertEquals(201, quiz.status(), quiz.body());
    String otherVideo = publishedDemoVideo();

    List<Path> objectsBefore = tenantObjects(tenantId);
    assertFalse(objectsBefore.isEmpty(), "the tenant has objects before the shred");
    Path dump = work.resolve("before.sql");
    run("mariadb-dump", "-h", "127.0.0.1", "-u", "root", "--result-file=" + dump, dbName());
    String offboarding = readyOffboarding(tenantId, "EXPORTING");

    // Refused, and nothing changes: before the export is ready, and with a wrong slug.
    assertEquals(409, confirm(admin, offboarding, slug).status());
    setOffboardingState(offboarding, "READY_FOR_DOWNLOAD");
    assertEquals(409, confirm(admin, offboarding, slug + "x").status());
    assertEquals("READY_FOR_DOWNLOAD", offboardingState(offboarding));
    assertEquals(404, confirm(demo().login("acme", "admin"), offboarding, slug).status());

    RestClient.Reply confirmed = confirm(admin, offboarding, " " + slug.toUpperCase() + " ");
    assertEquals(202, confirmed.status(), confirmed.body());
    assertEquals("SHREDDING", confirmed.json().getString("state"));
    String token = confirmed.json().getString("certificateToken");
    awaitOffboardingState(offboarding, "SHREDDED");
    assertEquals(null, value("SELECT failure FROM offboarding WHERE id = ?", offboarding));

    // The certificate: ROOT and the certificate token read the same signed JSON; it verifies.
    RestClient.Download json = api().download(certificatePath(offboarding), root);
    assertEquals(200, json.status());
    RestClient.Download byToken =
        api().download(certificatePath(offboarding) + "?token=" + token, null);
    assertArrayEquals(json.body(), byToken.body());
    assertEquals(
        404, api().download(certificatePath(offboarding) + "?token=x" + token, null).status());
    RestClient.Download pdf = api().download(certificatePath(offboarding) + ".pdf", root);
    assertEquals(200, pdf.status());
    assertEquals("application/pdf", pdf.header("Content-Type"));
    assertEquals("%PDF", new String(pdf.body(), 0, 4, StandardCharsets.US_ASCII));
    String certificate = new String(json.body(), StandardCharsets.UTF_8);
    JsonObject content =
        Json.createReader(new java.io.StringReader(certificate))
            .readObject()
            .getJsonObject("certificate");
    assertEquals(tenantId, content.getString("tenantId"));
    assertFalse(content.getJsonArray("keyIdsDestroyed").isEmpty(), certificate);
    assertEquals(objectsBefore.size(), content.getJsonNumber("objectsDeleted").intValue());
    assertEquals(1, content.getJsonObject("rowsDeleted").getInt("tenant"));
    assertEquals("local-file", content.getJsonObject("keyStore").getString("mode"));
    assertVerifies(certificate);

    // Nothing of the tenant is left but the kept bookkeeping; its slug is free again.
    for (String table : tenantTables()) {
      if (!KEPT.contains(table)) {
        assertEquals(
            0, count("SELECT COUNT(*) FROM " + table + " WHERE tenant_id = ?", tenantId), table);
      }
    }
    assertEquals(0, count("SELECT COUNT(*) FROM tenant WHERE id = ?", tenantId));
    assertEquals(1, count("SELECT COUNT(*) FROM tenant_tombstone WHERE tenant_id = ?", tenantId));
    assertEquals(0, count("SELECT COUNT(*) FROM api_session WHERE tenant_id = ?", tenantId));
    for (Path object : objectsBefore) {
      assertFalse(Files.exists(object), "object left: " + object.getFileName());
    }
    assertFalse(Files.exists(keyStore().resolve("tenants").resolve(tenantId + ".json")));
    assertEquals(401, api().get("api/v1/me", admin).status(), "sessions ended");
    assertEquals(401, api().tryLogin(slug, adminEmail, PASSWORD).status());

    // No canary in clear anywhere: the dump taken before the shred (as text and restored), the
    // object store, MariaDB's files, the temp directories and the logs.
    // Byte for byte (blobs are not UTF-8); canary and address are ASCII.
    String dumpText = Files.readString(dump, StandardCharsets.ISO_8859_1);
    assertFalse(dumpText.contains(canary), "canary in the dump");
    assertFalse(dumpText.toLowerCase(Locale.ROOT).contains(adminEmail), "e-mail in the dump");
    assertNoCanaryInRestoredDump(dump, canary);
    List<Path> found = new ArrayList<>();
    for (Path dir :
        List.of(
            s3Dir(),
            Path.of(dataDir()),
            Path.of("/tmp"),
            Path.of("/dev/shm"),
            Path.of("target", "failsafe-reports"),
            Path.of("target", "it-work"),
            SharedApp.log())) {
      found.addAll(filesContaining(dir, canary));
    }
    assertEquals(List.of(), found, "files with the canary in clear");

    // A retried shred (the job picks a FAILED offboarding up again) returns the same certificate.
    retryLater(offboarding);
    awaitOffboardingState(offboarding, "SHREDDED");
    assertArrayEquals(json.body(), api().download(certificatePath(offboarding), root).body());
    assertFalse(Files.exists(keyStore().resolve("tenants").resolve(tenantId + ".json")));

    // The other tenants carry on: log in and play; the slug can be used again.
    String employee = demo().login("demo", "employee1");
    assertEquals(200, api().download(hls(otherVideo), employee).status());
    assertEquals(200, api().get("api/v1/me", demo().login("acme", "admin")).status());
    RestClient.Reply again =
        demo().createTenant(root, slug, "Returning Company", "back@shred.example", PASSWORD);
    assertEquals(201, again.status(), again.body());
  }

  @Test
  void cancel_before_the_shred_thaws_the_tenant_and_refuses_after_confirmation() throws Exception {
    String slug = "cancel-" + UUID.randomUUID().toString().substring(0, 8);
    String email = "admin@" + slug + ".example";
    String root = demo().login("platform", "root");
    RestClient.Reply created = demo().createTenant(root, slug, "Staying Company", email, PASSWORD);
    String tenantId = created.json().getString("id");
    String admin = api().login(slug, email, PASSWORD);
    String offboarding = readyOffboarding(tenantId, "READY_FOR_DOWNLOAD");
    assertEquals(
        404,
        api()
            .post(cancelPath(offboarding), demo().login("acme", "admin"), DemoTenants.empty())
            .status());
    RestClient.Reply cancelled = api().post(cancelPath(offboarding), admin, DemoTenants.empty());
    assertEquals(200, cancelled.status(), cancelled.body());
    assertEquals("CANCELLED", offboardingState(offboarding));
    assertEquals(
        1, count("SELECT COUNT(*) FROM tenant WHERE id = ? AND state = 'ACTIVE'", tenantId));
    assertEquals(409, api().post(cancelPath(offboarding), admin, DemoTenants.empty()).status());
    assertEquals(409, confirm(admin, offboarding, slug).status());
    assertEquals(404, api().download(certificatePath(offboarding), admin).status());
  }

  @Test
  void a_shred_that_crashed_after_destroying_the_keys_is_finished_by_the_retry() throws Exception {
    String slug = "crash-" + UUID.randomUUID().toString().substring(0, 8);
    String email = "admin@" + slug + ".example";
    String root = demo().login("platform", "root");
    String tenantId =
        demo().createTenant(root, slug, "Crashing Company", email, PASSWORD).json().getString("id");
    String offboarding = readyOffboarding(tenantId, "READY_FOR_DOWNLOAD");
    // The state a node left when it died right after step 2 (keys destroyed, recorded): the
    // tombstone names the key id, the tenant is SHREDDED, its key file gone, its rows still there.
    Files.delete(keyStore().resolve("tenants").resolve(tenantId + ".json"));
    Timestamp now = Timestamp.from(Instant.now());
    try (Connection c = db()) {
      try (PreparedStatement s =
          c.prepareStatement(
              "INSERT INTO tenant_tombstone (tenant_id, slug_sha256, tenant_created_at,"
                  + " shred_started_at, key_ids, keys_destroyed_at) VALUES (?, ?, ?, ?,"
                  + " '[\"4242\"]', ?)")) {
        s.setString(1, tenantId);
        s.setString(2, "0".repeat(64));
        s.setTimestamp(3, now);
        s.setTimestamp(4, now);
        s.setTimestamp(5, now);
        s.executeUpdate();
      }
      try (PreparedStatement s =
          c.prepareStatement("UPDATE tenant SET state = 'SHREDDED' WHERE id = ?")) {
        s.setString(1, tenantId);
        s.executeUpdate();
      }
      try (PreparedStatement s =
          c.prepareStatement(
              "UPDATE offboarding SET state = 'FAILED', confirmed_by = requested_by,"
                  + " confirmed_at = ?, updated_at = ? WHERE id = ?")) {
        s.setTimestamp(1, now);
        s.setTimestamp(2, Timestamp.from(Instant.now().minusSeconds(3600)));
        s.setString(3, offboarding);
        s.executeUpdate();
      }
    }

    awaitOffboardingState(offboarding, "SHREDDED");

    assertEquals(0, count("SELECT COUNT(*) FROM tenant WHERE id = ?", tenantId));
    assertEquals(0, count("SELECT COUNT(*) FROM app_user WHERE tenant_id = ?", tenantId));
    assertFalse(Files.exists(keyStore().resolve("tenants").resolve(tenantId + ".json")));
    String certificate =
        new String(
            api().download(certificatePath(offboarding), root).body(), StandardCharsets.UTF_8);
    assertTrue(certificate.contains("\"keyIdsDestroyed\":[\"4242\"]"), certificate);
    assertVerifies(certificate);
  }

  // --- the leaving tenant's content ---

  /** Logs the tenant's admin in with the TRAINER role added. */
  private String trainerAdmin(String slug, String email) throws Exception {
    String admin = api().login(slug, email, PASSWORD);
    String id = api().get("api/v1/users", admin).array().getJsonObject(0).getString("id");
    RestClient.Reply roles =
        api()
            .put(
                "api/v1/users/" + id,
                admin,
                Json.createObjectBuilder()
                    .add("active", true)
                    .add("roles", Json.createArrayBuilder().add("TENANT_ADMIN").add("TRAINER"))
                    .build());
    assertEquals(200, roles.status(), roles.body());
    return api().login(slug, email, PASSWORD);
  }

  private String upload(String trainer, String canary) throws Exception {
    Path clip = TestMedia.clip(work, UUID.randomUUID() + ".mp4", "320x240", 2, "plain");
    String query =
        "title="
            + URLEncoder.encode(canary + " title", StandardCharsets.UTF_8)
            + "&description="
            + URLEncoder.encode(canary + " description", StandardCharsets.UTF_8)
            + "&tags="
            + URLEncoder.encode(canary + "tag", StandardCharsets.UTF_8);
    RestClient.Reply reply =
        api().sendBytes("POST", "api/v1/videos?" + query, trainer, Files.readAllBytes(clip));
    assertEquals(202, reply.status(), reply.body());
    return reply.json().getString("id");
  }

  private static JsonObject quiz(String canary) {
    return Json.createObjectBuilder()
        .add(
            "questions",
            Json.createArrayBuilder()
                .add(
                    Json.createObjectBuilder()
                        .add("type", "SINGLE_CHOICE")
                        .add("text", canary + " question")
                        .add("mandatory", false)
                        .add(
                            "options",
                            Json.createArrayBuilder()
                                .add(option(canary + " wrong answer", false))
                                .add(option(canary + " right answer", true)))))
        .add("passMark", 100)
        .add("maxAttempts", 2)
        .add("counting", "BEST")
        .add("shuffleQuestions", false)
        .add("shuffleOptions", false)
        .build();
  }

  private static JsonObject option(String text, boolean correct) {
    return Json.createObjectBuilder().add("text", text).add("correct", correct).build();
  }

  /** A video of the demo company, published, to play after the shred of the other tenant. */
  private String publishedDemoVideo() throws Exception {
    Path clip = TestMedia.clip(work, UUID.randomUUID() + ".mp4", "320x240", 2, "plain");
    String id = demo().transcoded(demo().login("trainer"), "Stays", clip);
    demo().approve(id);
    demo().awaitState(demo().login("trainer"), id, "PUBLISHED");
    assertEquals(200, api().download(hls(id), demo().login("employee1")).status());
    return id;
  }

  // --- offboarding fixture and REST ---

  /** An offboarding of the tenant in {@code state}, as the export job would leave it. */
  private static String readyOffboarding(String tenantId, String state) throws Exception {
    String id = UUID.randomUUID().toString();
    Timestamp now = Timestamp.from(Instant.now());
    try (Connection c = db();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO offboarding (id, tenant_id, state, requested_by, requested_at,"
                    + " updated_at) VALUES (?, ?, ?, ?, ?, ?)")) {
      s.setString(1, id);
      s.setString(2, tenantId);
      s.setString(3, state);
      s.setString(4, UUID.randomUUID().toString());
      s.setTimestamp(5, now);
      s.setTimestamp(6, now);
      s.executeUpdate();
    }
    // The tenant stays ACTIVE: main refuses every session of a frozen (OFFBOARDING) tenant, so
    // its admin could not confirm; the confirmation freezes a tenant the export left active.
    return id;
  }

  private RestClient.Reply confirm(String token, String offboarding, String slug) throws Exception {
    return api()
        .post(
            "api/v1/offboarding/" + offboarding + "/confirm",
            token,
            Json.createObjectBuilder().add("confirmTenant", slug).build());
  }

  private static void setOffboardingState(String id, String state) throws Exception {
    try (Connection c = db();
        PreparedStatement s = c.prepareStatement("UPDATE offboarding SET state = ? WHERE id = ?")) {
      s.setString(1, state);
      s.setString(2, id);
      assertEquals(1, s.executeUpdate());
    }
  }

  /** As after a failed shred an hour ago: the retry job takes it up within its next round. */
  private static void retryLater(String id) throws Exception {
    try (Connection c = db();
        PreparedStatement s =
            c.prepareStatement(
                "UPDATE offboarding SET state = 'FAILED', failure = 'test', updated_at = ?"
                    + " WHERE id = ?")) {
      s.setTimestamp(1, Timestamp.from(Instant.now().minusSeconds(3600)));
      s.setString(2, id);
      assertEquals(1, s.executeUpdate());
    }
  }

  private static String offboardingState(String id) throws Exception {
    return value("SELECT state FROM offboarding WHERE id = ?", id);
  }

  private static void awaitOffboardingState(String id, String wanted) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(150);
    String state;
    while (!(state = offboardingState(id)).equals(wanted)) {
      assertTrue(System.nanoTime() < deadline, "offboarding still " + state);
      Thread.sleep(500);
    }
  }

  private static String certificatePath(String offboarding) {
    return "api/v1/offboarding/" + offboarding + "/certificate";
  }

  private static String cancelPath(String offboarding) {
    return "api/v1/offboarding/" + offboarding + "/cancel";
  }

  private static String hls(String videoId) {
    return "api/v1/videos/" + videoId + "/hls/master.m3u8";
  }

  // --- checks ---

  /** infra/verify-certificate accepts the certificate and refuses a tampered copy. */
  private static void assertVerifies(String certificate) throws Exception {
    Path file = work.resolve("certificate.json");
    Files.writeString(file, certificate);
    Path publicKey = keyStore().resolve("audit-signing-public.json");
    assertEquals(0, verify(file, publicKey), "certificate verifies");
    Path tampered = work.resolve("tampered.json");
    Files.writeString(
        tampered, certificate.replaceFirst("\"objectsDeleted\":(\\d+)", "\"objectsDeleted\":9$1"));
    assertEquals(1, verify(tampered, publicKey), "tampered certificate refused");
  }

  private static int verify(Path file, Path publicKey) throws Exception {
    Process p =
        new ProcessBuilder(
                Path.of("..", "infra", "verify-certificate").toString(),
                file.toString(),
                publicKey.toString())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), out);
    return p.exitValue();
  }

  /** Restores the dump into a scratch database and searches every text column of every table. */
  private static void assertNoCanaryInRestoredDump(Path dump, String canary) throws Exception {
    String scratch = dbName() + "_scratch";
    run(
        "mariadb",
        "-h",
        "127.0.0.1",
        "-u",
        "root",
        "-e",
        "DROP DATABASE IF EXISTS " + scratch + "; CREATE DATABASE " + scratch);
    try {
      new ProcessBuilder("mariadb", "-h", "127.0.0.1", "-u", "root", scratch)
          .redirectInput(dump.toFile())
          .redirectErrorStream(true)
          .start()
          .waitFor(120, TimeUnit.SECONDS);
      try (Connection c =
              DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/" + scratch, "root", "");
          PreparedStatement columns =
              c.prepareStatement(
                  "SELECT table_name, column_name FROM information_schema.columns WHERE"
                      + " table_schema = ? AND data_type IN ('char','varchar','text',"
                      + "'mediumtext','longtext','tinytext','blob','mediumblob','longblob',"
                      + "'varbinary','binary')")) {
        columns.setString(1, scratch);
        int checked = 0;
        try (ResultSet rs = columns.executeQuery()) {
          while (rs.next()) {
            String sql =
                "SELECT COUNT(*) FROM `"
                    + rs.getString(1)
                    + "` WHERE LOWER(CAST(`"
                    + rs.getString(2)
                    + "` AS CHAR)) LIKE ?";
            try (PreparedStatement s = c.prepareStatement(sql)) {
              s.setString(1, "%" + canary.toLowerCase(Locale.ROOT) + "%");
              try (ResultSet n = s.executeQuery()) {
                n.next();
                assertEquals(0, n.getInt(1), rs.getString(1) + "." + rs.getString(2));
              }
            }
            checked++;
          }
        }
        assertTrue(checked > 50, "columns checked: " + checked);
      }
    } finally {
      run("mariadb", "-h", "127.0.0.1", "-u", "root", "-e", "DROP DATABASE " + scratch);
    }
  }

  /** Files below {@code root} containing {@code canary}, read in a stream (the datadir is big). */
  private static List<Path> filesContaining(Path root, String canary) throws IOException {
    byte[] needle = canary.getBytes(StandardCharsets.UTF_8);
    List<Path> found = new ArrayList<>();
    if (!Files.isReadable(root)) {
      return found;
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      // Not infra/bench/shred's gigabytes of random test objects, should it run alongside.
      files =
          walk.filter(Files::isRegularFile)
              .filter(f -> !f.toString().contains("kf-shred-bench"))
              .toList();
    } catch (IOException | java.io.UncheckedIOException e) {
      files = List.of(); // files vanishing under a busy /tmp
    }
    for (Path file : files) {
      try (InputStream in = Files.newInputStream(file)) {
        if (contains(in, needle)) {
          found.add(file);
        }
      } catch (IOException e) {
        // unreadable or gone: another process's private file
      }
    }
    return found;
  }

  private static boolean contains(InputStream in, byte[] needle) throws IOException {
    byte[] buffer = new byte[1 << 20];
    byte[] carry = new byte[0];
    int n;
    while ((n = in.read(buffer)) > 0) {
      byte[] window = new byte[carry.length + n];
      System.arraycopy(carry, 0, window, 0, carry.length);
      System.arraycopy(buffer, 0, window, carry.length, n);
      if (indexOf(window, needle) >= 0) {
        return true;
      }
      int keep = Math.min(needle.length - 1, window.length);
      carry = java.util.Arrays.copyOfRange(window, window.length - keep, window.length);
    }
    return false;
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /** Files of the tenant's bucket in the S3 endpoint's data directory. */
  private static List<Path> tenantObjects(String tenantId) throws IOException {
    Path bucket = s3Dir().resolve("blobs").resolve("kursfilm-" + tenantId);
    if (!Files.isDirectory(bucket)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(bucket)) {
      return walk.filter(Files::isRegularFile).toList();
    }
  }

  private static List<String> tenantTables() throws Exception {
    List<String> tables = new ArrayList<>();
    try (Connection c = db();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT table_name FROM information_schema.columns WHERE table_schema = ?"
                    + " AND column_name = 'tenant_id'")) {
      s.setString(1, dbName());
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
    }
    assertTrue(tables.contains("video_version"), tables.toString());
    return tables;
  }

  // --- environment ---

  private static Path s3Dir() {
    return Path.of(System.getProperty("kursfilm.it.s3.dir"));
  }

  private static Path keyStore() {
    return Path.of("target", "it-keys");
  }

  private static String dataDir() throws Exception {
    return value("SELECT @@datadir");
  }

  private static String dbName() {
    String url = System.getProperty("kursfilm.it.db.url");
    return url.substring(url.lastIndexOf('/') + 1);
  }

  private static Connection db() throws Exception {
    return DriverManager.getConnection(
        System.getProperty("kursfilm.it.db.url"),
        System.getProperty("kursfilm.it.db.user"),
        System.getProperty("kursfilm.it.db.password"));
  }

  private static int count(String sql, String parameter) throws Exception {
    return Integer.parseInt(value(sql, parameter));
  }

  private static String value(String sql, String... parameters) throws Exception {
    try (Connection c = db();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        s.setString(i + 1, parameters[i]);
      }
      try (ResultSet rs = s.executeQuery()) {
        assertTrue(rs.next(), sql);
        return rs.getString(1);
      }
    }
  }

  private static void run(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(300, TimeUnit.SECONDS), out);
    assertEquals(0, p.exitValue(), String.join(" ", command) + ": " + out);
  }

  private DemoTenants demo() {
    return new DemoTenants(base);
  }

  private RestClient api() {
    return demo().api();
  }
}
