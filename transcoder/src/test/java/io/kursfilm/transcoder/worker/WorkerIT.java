package io.kursfilm.transcoder.worker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import io.kursfilm.transcoder.TestFfmpeg;
import io.kursfilm.transcoder.job.JdbcOutcomePort;
import io.kursfilm.transcoder.job.JobTestbed;
import io.kursfilm.transcoder.job.OutcomeKind;
import io.kursfilm.transcoder.job.TranscodeQueue;
import io.kursfilm.transcoder.job.UploadSweeps;
import io.kursfilm.transcoder.job.VideoObjects;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
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
 * one's heartbeats have stopped, with one complete rendition and no scratch files left. Workers
 * change no version: they report outcomes, and the one publication carries the claim of the attempt
 * that claimed last, which is what the application's lifecycle table accepts (web's
 * TranscodeOutcomesIT applies such outcomes and refuses late ones).
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
  void a_killed_worker_s_job_is_finished_by_the_next_one_under_the_latest_claim() throws Exception {
    Path clip = TestFfmpeg.hdMp4(dir.resolve("clip.mp4"), 20);
    String versionId = bed.upload(clip);
    String before = bed.row(versionId);
    client().scheduleIfNotExists(TranscodeQueue.instance(bed.tenant, versionId), Instant.now());

    Process first = worker("first");
    awaitProgress(versionId, 10);
    first.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    int progressAtKill = progress(versionId);
    assertTrue(progressAtKill < 100, "killed before the end, at " + progressAtKill + "%");

    Process second = worker("second");
    JobTestbed.Outcome published;
    try {
      published = bed.await(versionId, OutcomeKind.PUBLISHED, Duration.ofMinutes(3));
    } finally {
      second.destroy();
      second.waitFor(40, TimeUnit.SECONDS);
    }
    List<String> claims =
        bed.outcomes(versionId).stream()
            .filter(o -> o.kind() == OutcomeKind.CLAIMED)
            .map(JobTestbed.Outcome::claim)
            .toList();
    assertEquals(2, claims.size(), "one claim per worker: " + claims);
    assertEquals(claims.get(1), published.claim(), "published under the latest claim");
    assertEquals(before, bed.row(versionId), "workers only report");

    Set<String> complete =
        bed.store.list(bed.tenant, VideoObjects.renditions(versionId)).stream()
            .map(o -> o.key())
            .filter(key -> key.endsWith("/master.m3u8"))
            .map(key -> key.substring(0, key.lastIndexOf('/')))
            .collect(Collectors.toSet());
    assertEquals(Set.of(published.rendition()), complete, "exactly one complete rendition");
    assertEquals(
        HexFormat.of()
            .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(clip))),
        bed.openMediaHash(versionId, published.mediaSha256()),
        "the outcome names the exact original it was made from");
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
    bed.insertVersion(stale, "UPLOADING", 10, Instant.now().minus(Duration.ofHours(30)));
    bed.insertVersion(fresh, "UPLOADING", 10, Instant.now());
    List<String> found =
        new UploadSweeps(bed.db)
            .abandoned(Instant.now().minus(Duration.ofHours(24))).stream()
                .map(pair -> pair[1])
                .toList();
    assertTrue(found.contains(stale), "stale upload found");
    assertTrue(!found.contains(fresh), "fresh upload left alone");
  }

  @Test
  void an_upload_waiting_without_a_job_is_stranded_unless_its_job_reported_already()
      throws Exception {
    Instant earlier = Instant.now().minus(Duration.ofMinutes(5));
    String waiting = UUID.randomUUID().toString();
    String reported = UUID.randomUUID().toString();
    bed.insertVersion(waiting, "UPLOADED", 10, earlier);
    bed.insertVersion(reported, "UPLOADED", 10, earlier);
    // Its job claimed it and ended; the application has not applied the claim yet.
    new JdbcOutcomePort(bed.db, Clock.systemUTC()).claim(bed.tenant, reported).orElseThrow();

    List<String> stranded =
        new UploadSweeps(bed.db)
            .stranded(Instant.now().minus(Duration.ofMinutes(1))).stream()
                .map(pair -> pair[1])
                .toList();
    assertTrue(stranded.contains(waiting), "re-enqueued");
    assertFalse(stranded.contains(reported), "its outcomes come first");
  }

  private static Process worker(String name) throws Exception {
    return WorkerProcess.start(bed, dir, name);
  }

  private static Path work() throws Exception {
    return WorkerProcess.work(dir);
  }

  private static void awaitProgress(String id, int percent) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (progress(id) < percent) {
      assertTrue(System.nanoTime() < deadline, "no progress");
      Thread.sleep(100);
    }
  }

  /** The latest progress the running attempt reported (its pending, merged row). */
  private static int progress(String id) throws Exception {
    return bed.outcomes(id).stream()
        .filter(o -> o.kind() == OutcomeKind.PROGRESS)
        .map(JobTestbed.Outcome::percent)
        .reduce((older, newer) -> newer)
        .orElse(0);
  }
}
