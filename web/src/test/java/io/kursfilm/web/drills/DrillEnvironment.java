package io.kursfilm.web.drills;

import io.kursfilm.storage.testing.LocalS3;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The drills' own MariaDB, S3 endpoint and Payara Micro under {@code target/drills}, on free ports.
 * The app is configured like the shared one (the environment web/pom.xml gives this JVM), pointed
 * at these services, with intervals short enough that a drill waits seconds, not minutes: transcode
 * heartbeat and back-off, key cache TTL, reconciliation grace.
 */
final class DrillEnvironment implements AutoCloseable {

  private final Path home;
  private final PrivateMariaDb db;
  private final LocalS3 s3;
  private final PrivateApp app;
  private Duration firstStart;

  private DrillEnvironment(Path home) {
    this.home = home;
    this.db = new PrivateMariaDb(home.resolve("db"), DrillProcesses.freePort());
    this.s3 = new LocalS3(home.resolve("s3"), DrillProcesses.freePort());
    int port = DrillProcesses.freePort();
    this.app = new PrivateApp(home.resolve("app"), port, configuration(port));
  }

  static DrillEnvironment start() throws Exception {
    Path home = Path.of(System.getProperty("kursfilm.it.war")).resolveSibling("drills");
    DrillProcesses.deleteTree(home);
    Files.createDirectories(home);
    DrillEnvironment env = new DrillEnvironment(home.toAbsolutePath());
    Files.createDirectories(env.keyStore());
    Files.createDirectories(env.workDir());
    env.db.create();
    env.s3.start();
    env.firstStart = env.app.start();
    return env;
  }

  private Map<String, String> configuration(int port) {
    Map<String, String> c = services(db, s3, home);
    c.put("KURSFILM_TRANSCODE_WORK_DIR", workDir().toString());
    c.put("KURSFILM_BASE_URL", "http://localhost:" + port + "/kursfilm/");
    // Many small parts, so the app can be killed while an export is half written.
    c.put("KURSFILM_OFFBOARDING_PART_SIZE", "65536");
    return c;
  }

  /**
   * An app node's configuration on top of the environment failsafe gives this JVM: the private
   * database, S3 endpoint and key store under {@code home}, and intervals short enough that a test
   * waits seconds, not minutes (transcode heartbeat and back-off, key cache TTL, reconciliation
   * grace).
   */
  static Map<String, String> services(PrivateMariaDb db, LocalS3 s3, Path home) {
    Map<String, String> c = new HashMap<>();
    c.put("KURSFILM_DB_URL", db.url());
    c.put("KURSFILM_DB_USER", PrivateMariaDb.USER);
    c.put("KURSFILM_DB_PASSWORD", PrivateMariaDb.PASSWORD);
    c.put("KURSFILM_DB_MIGRATION_USER", PrivateMariaDb.OWNER);
    c.put("KURSFILM_DB_MIGRATION_PASSWORD", PrivateMariaDb.OWNER_PASSWORD);
    c.put("KURSFILM_S3_ENDPOINT", s3.endpoint().toString());
    c.put("KURSFILM_S3_TIMEOUT", "PT2S");
    c.put("KURSFILM_KEYSTORE_DIR", home.resolve("keys").toString());
    c.put("KURSFILM_KEYSTORE_BACKUP_DIR", home.resolve("key-backups").toString());
    c.put("KURSFILM_KEYSTORE_CACHE_TTL", "PT2S");
    c.put("KURSFILM_TRANSCODE_POLL", "PT1S");
    c.put("KURSFILM_TRANSCODE_BACKOFF", "PT1S");
    c.put("KURSFILM_TRANSCODE_HEARTBEAT", "PT1S");
    c.put("KURSFILM_OFFBOARDING_TEST_STOP_AFTER_PARTS", "0");
    c.put("KURSFILM_RECONCILE_GRACE", "PT5S");
    c.put("KURSFILM_RECONCILE_INTERVAL", "PT1H");
    // Nobody listens there: the tests read no mail, and a refused mail must not matter.
    c.put("KURSFILM_MAIL_PORT", String.valueOf(DrillProcesses.freePort()));
    return c;
  }

  Path home() {
    return home;
  }

  PrivateMariaDb db() {
    return db;
  }

  LocalS3 s3() {
    return s3;
  }

  PrivateApp app() {
    return app;
  }

  Path keyStore() {
    return home.resolve("keys");
  }

  Path workDir() {
    return home.resolve("work");
  }

  Duration firstStart() {
    return firstStart;
  }

  @Override
  public void close() throws Exception {
    app.stop();
    s3.stop();
    db.stop();
  }
}
