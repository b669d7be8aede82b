package io.kursfilm.transcoder.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import io.kursfilm.storage.keys.KeyStoreSettings;
import io.kursfilm.storage.keys.TenantKeys;
import io.kursfilm.storage.objects.ObjectStore;
import io.kursfilm.storage.sealed.ChunkedUpload;
import io.kursfilm.storage.sealed.SealedChunks;
import io.kursfilm.storage.sealed.SealedObjects;
import io.kursfilm.storage.testing.LocalS3;
import io.kursfilm.transcoder.job.JdbcJobLedger;
import io.kursfilm.transcoder.job.TranscodeQueue;
import io.kursfilm.transcoder.job.VideoObjects;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mariadb.jdbc.MariaDbDataSource;

/**
 * The standalone worker jar against real MariaDB, S3Proxy and ffmpeg: a worker killed with SIGKILL
 * in the middle of a transcode leaves its job to the next worker, which finishes it once the dead
 * one's heartbeats have stopped, with exactly one rendition stored and no scratch files left.
 */
class WorkerIT {

  @TempDir static Path dir;
  static LocalS3 s3;
  static MariaDbDataSource db;
  static final String TENANT = UUID.randomUUID().toString();

  @BeforeAll
  static void infrastructure() throws Exception {
    s3 = new LocalS3(dir.resolve("s3"), 0).start();
    db = new MariaDbDataSource(System.getProperty("kursfilm.it.db.url"));
    db.setUser(System.getProperty("kursfilm.it.db.user"));
    db.setPassword(System.getProperty("kursfilm.it.db.password"));
    Flyway.configure()
        .dataSource(db)
        .locations("filesystem:" + System.getProperty("kursfilm.it.migrations"))
        .cleanDisabled(false)
        .load()
        .migrate();
  }

  @AfterAll
  static void stop() throws Exception {
    s3.stop();
  }

  @Test
  void a_killed_worker_s_job_is_finished_by_the_next_one_without_duplicates() throws Exception {
    String videoId = UUID.randomUUID().toString();
    TenantKeys keys = keyStore().open();
    keys.create(TENANT);
    ObjectStore store = new ObjectStore(s3.settings("kursfilm"));
    store.ensureBucket(TENANT);
    SealedObjects sealed = new SealedObjects(store, keys);
    SealedChunks chunks = new SealedChunks(sealed, store, 1 << 20);
    Path clip = clip(dir.resolve("clip.mp4"));
    ChunkedUpload upload;
    try (InputStream in = Files.newInputStream(clip)) {
      upload = chunks.putAll(TENANT, VideoObjects.original(videoId), in, Long.MAX_VALUE);
    }
    insertUploadedVideo(videoId, upload.size());
    SchedulerClient.Builder.create(db, TranscodeQueue.descriptor())
        .build()
        .scheduleIfNotExists(TranscodeQueue.instance(TENANT, videoId), Instant.now());

    Process first = worker("first");
    awaitProgress(videoId, 10);
    first.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    int progressAtKill = progress(videoId);
    assertTrue(progressAtKill < 100, "killed before the end, at " + progressAtKill + "%");

    Process second = worker("second");
    try {
      awaitState(videoId, "IN_REVIEW", Duration.ofMinutes(3));
    } finally {
      second.destroy();
      second.waitFor(40, TimeUnit.SECONDS);
    }
    Set<String> renditions =
        store.list(TENANT, VideoObjects.renditions(videoId)).stream()
            .map(o -> o.key().split("/")[3])
            .collect(Collectors.toSet());
    assertEquals(1, renditions.size(), "exactly one rendition stored: " + renditions);
    assertEquals(
        rendition(videoId), VideoObjects.renditions(videoId) + renditions.iterator().next());
    assertEquals(
        HexFormat.of()
            .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(clip))),
        column(videoId, "media_sha256"),
        "the video names the exact original it was made from");
    try (Stream<Path> left = Files.list(work())) {
      assertEquals(List.of(), left.toList(), "scratch directories left behind");
    }
  }

  @Test
  void uploads_nobody_continued_are_found_for_the_purge_and_fresh_ones_are_not() throws Exception {
    String stale = UUID.randomUUID().toString();
    String fresh = UUID.randomUUID().toString();
    insertVideo(stale, "UPLOADING", Instant.now().minus(Duration.ofHours(30)));
    insertVideo(fresh, "UPLOADING", Instant.now());
    List<String> found =
        new JdbcJobLedger(db, java.time.Clock.systemUTC())
            .abandoned(Instant.now().minus(Duration.ofHours(24))).stream()
                .map(pair -> pair[1])
                .toList();
    assertTrue(found.contains(stale), "stale upload found");
    assertTrue(!found.contains(fresh), "fresh upload left alone");
  }

  private static void insertVideo(String id, String state, Instant updated) throws Exception {
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO video (id, tenant_id, uploader_id, title, state, declared_size,"
                    + " chunk_size, created_at, updated_at) VALUES (?, ?, ?, 'Purge', ?, 10, 1048576, ?, ?)")) {
      s.setString(1, id);
      s.setString(2, TENANT);
      s.setString(3, UUID.randomUUID().toString());
      s.setString(4, state);
      s.setTimestamp(5, Timestamp.from(updated));
      s.setTimestamp(6, Timestamp.from(updated));
      s.executeUpdate();
    }
  }

  private static Path clip(Path out) throws Exception {
    Process p =
        new ProcessBuilder(
                "/usr/bin/ffmpeg",
                "-y",
                "-v",
                "error",
                "-f",
                "lavfi",
                "-i",
                "testsrc2=size=1280x720:rate=25:duration=20",
                "-f",
                "lavfi",
                "-i",
                "sine=frequency=440:duration=20",
                "-c:v",
                "libx264",
                "-preset",
                "ultrafast",
                "-crf",
                "30",
                "-pix_fmt",
                "yuv420p",
                "-c:a",
                "aac",
                out.toString())
            .redirectErrorStream(true)
            .start();
    String log = new String(p.getInputStream().readAllBytes());
    assertTrue(p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0, log);
    return out;
  }

  private static Process worker(String name) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-Xmx256m", "-jar", System.getProperty("kursfilm.it.worker.jar")));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("worker-" + name + ".log").toFile());
    Map<String, String> env = builder.environment();
    env.put("KURSFILM_DB_URL", System.getProperty("kursfilm.it.db.url"));
    env.put("KURSFILM_DB_USER", System.getProperty("kursfilm.it.db.user"));
    env.put("KURSFILM_DB_PASSWORD", System.getProperty("kursfilm.it.db.password"));
    env.put("KURSFILM_S3_ENDPOINT", s3.endpoint().toString());
    env.put("KURSFILM_S3_ACCESS_KEY", LocalS3.ACCESS_KEY);
    env.put("KURSFILM_S3_SECRET_KEY", LocalS3.SECRET_KEY);
    env.put("KURSFILM_KEYSTORE_DIR", dir.resolve("keys").toString());
    env.put("KURSFILM_VIDEO_CHUNK_SIZE", String.valueOf(1 << 20));
    env.put("KURSFILM_TRANSCODE_WORK_DIR", work().toString());
    env.put("KURSFILM_TRANSCODE_POLL", "PT0.5S");
    // Six missed heartbeats mark an execution dead: about 6 s here instead of 3 min.
    env.put("KURSFILM_TRANSCODE_HEARTBEAT", "PT1S");
    return builder.start();
  }

  private static Path work() throws Exception {
    return Files.createDirectories(dir.resolve("work"));
  }

  private static KeyStoreSettings keyStore() {
    return new KeyStoreSettings(
        dir.resolve("keys"),
        Optional.empty(),
        true,
        Optional.empty(),
        Optional.empty(),
        Duration.ofMinutes(5));
  }

  private static void insertUploadedVideo(String id, long size) throws Exception {
    Timestamp now = Timestamp.from(Instant.now());
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO video (id, tenant_id, uploader_id, title, state, declared_size,"
                    + " chunk_size, original_size, created_at, updated_at)"
                    + " VALUES (?, ?, ?, 'Worker test', 'UPLOADED', ?, ?, ?, ?, ?)")) {
      s.setString(1, id);
      s.setString(2, TENANT);
      s.setString(3, UUID.randomUUID().toString());
      s.setLong(4, size);
      s.setInt(5, 1 << 20);
      s.setLong(6, size);
      s.setTimestamp(7, now);
      s.setTimestamp(8, now);
      s.executeUpdate();
    }
  }

  private static void awaitProgress(String id, int percent) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (progress(id) < percent) {
      assertTrue(System.nanoTime() < deadline, "no progress");
      Thread.sleep(100);
    }
  }

  private static void awaitState(String id, String state, Duration limit) throws Exception {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!state.equals(column(id, "state"))) {
      assertTrue(System.nanoTime() < deadline, "never " + state + ", now " + column(id, "state"));
      Thread.sleep(250);
    }
  }

  private static int progress(String id) throws Exception {
    return Integer.parseInt(column(id, "progress"));
  }

  private static String rendition(String id) throws Exception {
    return column(id, "rendition");
  }

  private static String column(String id, String column) throws Exception {
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT " + column + " FROM video WHERE tenant_id = ? AND id = ?")) {
      s.setString(1, TENANT);
      s.setString(2, id);
      try (ResultSet r = s.executeQuery()) {
        assertTrue(r.next());
        return r.getString(1);
      }
    }
  }
}
