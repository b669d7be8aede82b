package io.kursfilm.transcoder.worker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import io.kursfilm.storage.testing.LocalS3;
import io.kursfilm.transcoder.TestFfmpeg;
import io.kursfilm.transcoder.job.JdbcJobLedger;
import io.kursfilm.transcoder.job.JobTestbed;
import io.kursfilm.transcoder.job.TranscodeQueue;
import io.kursfilm.transcoder.job.VideoObjects;
import java.nio.charset.StandardCharsets;
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
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The standalone worker jar against real MariaDB, S3Proxy and ffmpeg: a worker killed with SIGKILL
 * in the middle of a transcode leaves its job to the next worker, which finishes it once the dead
 * one's heartbeats have stopped, with exactly one rendition stored and no scratch files left.
 */
class WorkerIT {

  @TempDir static Path dir;
  static JobTestbed bed;

  @BeforeAll
  static void infrastructure() throws Exception {
    bed = JobTestbed.start(dir);
  }

  @AfterAll
  static void stop() throws Exception {
    bed.close();
  }

  @Test
  void a_killed_worker_s_job_is_finished_by_the_next_one_without_duplicates() throws Exception {
    Path clip = TestFfmpeg.hdMp4(dir.resolve("clip.mp4"), 20);
    String videoId = bed.upload(clip);
    client().scheduleIfNotExists(TranscodeQueue.instance(bed.tenant, videoId), Instant.now());

    Process first = worker("first");
    awaitProgress(videoId, 10);
    first.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    int progressAtKill = progress(videoId);
    assertTrue(progressAtKill < 100, "killed before the end, at " + progressAtKill + "%");

    Process second = worker("second");
    try {
      bed.await(videoId, "state", "IN_REVIEW", Duration.ofMinutes(3));
    } finally {
      second.destroy();
      second.waitFor(40, TimeUnit.SECONDS);
    }
    Set<String> renditions =
        bed.store.list(bed.tenant, VideoObjects.renditions(videoId)).stream()
            .map(o -> o.key().split("/")[3])
            .collect(Collectors.toSet());
    assertEquals(1, renditions.size(), "exactly one rendition stored: " + renditions);
    assertEquals(
        bed.column(videoId, "rendition"),
        VideoObjects.renditions(videoId) + renditions.iterator().next());
    assertEquals(
        HexFormat.of()
            .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(clip))),
        bed.column(videoId, "media_sha256"),
        "the video names the exact original it was made from");
    try (Stream<Path> left = Files.list(work())) {
      assertEquals(List.of(), left.toList(), "scratch directories left behind");
    }
  }

  @Test
  void queued_task_data_is_the_tenant_id_as_plain_text_not_java_serialization() throws Exception {
    String videoId = UUID.randomUUID().toString();
    client()
        .scheduleIfNotExists(
            TranscodeQueue.instance(bed.tenant, videoId), Instant.now().plus(Duration.ofDays(1)));
    try (Connection c = bed.db.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT task_data FROM scheduled_tasks WHERE task_name = ? AND task_instance = ?")) {
      s.setString(1, TranscodeQueue.TASK);
      s.setString(2, videoId);
      try (ResultSet row = s.executeQuery()) {
        assertTrue(row.next(), "job queued");
        assertArrayEquals(bed.tenant.getBytes(StandardCharsets.UTF_8), row.getBytes(1));
      }
    } finally {
      client().cancel(TaskInstanceId.of(TranscodeQueue.TASK, videoId));
    }
  }

  /** A client of the queue as the application builds it. */
  private static SchedulerClient client() {
    return SchedulerClient.Builder.create(bed.db, TranscodeQueue.descriptor())
        .serializer(TranscodeQueue.serializer())
        .build();
  }

  @Test
  void uploads_nobody_continued_are_found_for_the_purge_and_fresh_ones_are_not() throws Exception {
    String stale = UUID.randomUUID().toString();
    String fresh = UUID.randomUUID().toString();
    insertVideo(stale, "UPLOADING", Instant.now().minus(Duration.ofHours(30)));
    insertVideo(fresh, "UPLOADING", Instant.now());
    List<String> found =
        new JdbcJobLedger(bed.db, java.time.Clock.systemUTC())
            .abandoned(Instant.now().minus(Duration.ofHours(24))).stream()
                .map(pair -> pair[1])
                .toList();
    assertTrue(found.contains(stale), "stale upload found");
    assertTrue(!found.contains(fresh), "fresh upload left alone");
  }

  private static void insertVideo(String id, String state, Instant updated) throws Exception {
    try (Connection c = bed.db.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO video (id, tenant_id, uploader_id, title, state, declared_size,"
                    + " chunk_size, created_at, updated_at) VALUES (?, ?, ?, 'Purge', ?, 10, 1048576, ?, ?)")) {
      s.setString(1, id);
      s.setString(2, bed.tenant);
      s.setString(3, UUID.randomUUID().toString());
      s.setString(4, state);
      s.setTimestamp(5, Timestamp.from(updated));
      s.setTimestamp(6, Timestamp.from(updated));
      s.executeUpdate();
    }
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
    env.put("KURSFILM_S3_ENDPOINT", bed.s3.endpoint().toString());
    env.put("KURSFILM_S3_ACCESS_KEY", LocalS3.ACCESS_KEY);
    env.put("KURSFILM_S3_SECRET_KEY", LocalS3.SECRET_KEY);
    env.put("KURSFILM_KEYSTORE_DIR", dir.resolve("keys").toString());
    env.put("KURSFILM_VIDEO_CHUNK_SIZE", String.valueOf(JobTestbed.CHUNK_SIZE));
    env.put("KURSFILM_TRANSCODE_WORK_DIR", work().toString());
    // The test's temporary directory is on a disk here.
    env.put("KURSFILM_TRANSCODE_ALLOW_DISK_WORK_DIR", "true");
    env.put("KURSFILM_TRANSCODE_POLL", "PT0.5S");
    // Six missed heartbeats mark an execution dead: about 6 s here instead of 3 min.
    env.put("KURSFILM_TRANSCODE_HEARTBEAT", "PT1S");
    return builder.start();
  }

  private static Path work() throws Exception {
    return Files.createDirectories(dir.resolve("work"));
  }

  private static void awaitProgress(String id, int percent) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (progress(id) < percent) {
      assertTrue(System.nanoTime() < deadline, "no progress");
      Thread.sleep(100);
    }
  }

  private static int progress(String id) throws Exception {
    return Integer.parseInt(bed.column(id, "progress"));
  }
}
