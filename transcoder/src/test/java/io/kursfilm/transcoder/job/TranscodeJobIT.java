package io.kursfilm.transcoder.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kursfilm.storage.objects.ObjectSummary;
import io.kursfilm.transcoder.TestFfmpeg;
import io.kursfilm.transcoder.hls.HlsTranscoder;
import io.kursfilm.transcoder.hls.LadderSettings;
import io.kursfilm.transcoder.loopback.LoopbackServer;
import io.kursfilm.transcoder.probe.InputProbe;
import io.kursfilm.transcoder.probe.ProbeLimits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The transcode job in process against real MariaDB, S3Proxy and ffmpeg: its segments are sealed
 * while ffmpeg runs, so an attempt that is cancelled or fails after some were stored must remove
 * them again, and leave no scratch file.
 */
class TranscodeJobIT {

  @TempDir static Path dir;
  static JobTestbed bed;
  static LoopbackServer loopback;

  @BeforeAll
  static void infrastructure() throws Exception {
    bed = JobTestbed.start(dir);
    loopback = LoopbackServer.start();
  }

  @AfterAll
  static void stop() throws Exception {
    loopback.close();
    bed.close();
  }

  @Test
  void cancel_after_segments_were_sealed_leaves_no_object_and_no_scratch_file() throws Exception {
    String videoId = bed.upload(TestFfmpeg.hdMp4(dir.resolve("long.mp4"), 30));
    Path work = Files.createDirectory(dir.resolve("work-cancel"));
    CompletableFuture<Void> job = runAsync(LadderSettings.defaults(), work, videoId);

    awaitSealedSegment(videoId, job);
    requestCancel(videoId);
    job.get(2, TimeUnit.MINUTES);

    assertEquals(List.of(), bed.store.list(bed.tenant, VideoObjects.video(videoId)));
    assertNull(bed.column(videoId, "state"), "a cancelled video's row is removed");
    assertEmpty(work);
  }

  @Test
  void failed_verification_after_segments_were_sealed_leaves_no_object_of_the_attempt()
      throws Exception {
    String videoId = bed.upload(TestFfmpeg.hdMp4(dir.resolve("short.mp4"), 12));
    Path work = Files.createDirectory(dir.resolve("work-fail"));
    CompletableFuture<Void> job = runAsync(unpassable(), work, videoId);

    awaitSealedSegment(videoId, job);
    job.get(2, TimeUnit.MINUTES);

    assertEquals("REJECTED_INPUT", bed.column(videoId, "state"));
    assertEquals(List.of(), bed.store.list(bed.tenant, VideoObjects.renditions(videoId)));
    assertEmpty(work);
  }

  @Test
  void a_stale_attempt_cannot_publish_over_a_newer_claim_and_leaves_no_output() throws Exception {
    String videoId = bed.upload(TestFfmpeg.smallMp4(dir.resolve("stale.mp4")));
    Path work = Files.createDirectory(dir.resolve("work-stale"));
    JdbcJobLedger real = new JdbcJobLedger(bed.db, Clock.systemUTC());
    // Another worker revives the job and claims the video while this attempt still transcodes.
    JobLedger overtaken =
        new ForwardingLedger(real) {
          @Override
          public boolean published(JobSubject subject, Published result) {
            assertTrue(real.claim(subject.tenantId(), subject.videoId()).isPresent());
            return super.published(subject, result);
          }
        };
    run(LadderSettings.defaults(), work, videoId, overtaken).get(2, TimeUnit.MINUTES);

    assertEquals("PROCESSING", bed.column(videoId, "state"), "left to the newer attempt");
    assertNull(bed.column(videoId, "rendition"));
    assertNull(bed.column(videoId, "media_sha256"));
    assertEquals(List.of(), bed.store.list(bed.tenant, VideoObjects.renditions(videoId)));
    assertFalse(bed.store.list(bed.tenant, VideoObjects.original(videoId)).isEmpty());
    assertEmpty(work);
  }

  @Test
  void a_cancel_that_arrives_as_the_attempt_publishes_discards_the_video() throws Exception {
    String videoId = bed.upload(TestFfmpeg.smallMp4(dir.resolve("late-cancel.mp4")));
    Path work = Files.createDirectory(dir.resolve("work-late-cancel"));
    JobLedger cancelledMeanwhile =
        new ForwardingLedger(new JdbcJobLedger(bed.db, Clock.systemUTC())) {
          @Override
          public boolean published(JobSubject subject, Published result) {
            try {
              requestCancel(subject.videoId());
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
            return super.published(subject, result);
          }
        };
    run(LadderSettings.defaults(), work, videoId, cancelledMeanwhile).get(2, TimeUnit.MINUTES);

    assertNull(bed.column(videoId, "state"), "a cancelled video's row is removed");
    assertEquals(List.of(), bed.store.list(bed.tenant, VideoObjects.video(videoId)));
    assertEmpty(work);
  }

  @Test
  void only_the_latest_claim_of_a_video_still_processing_publishes() throws Exception {
    JdbcJobLedger ledger = new JdbcJobLedger(bed.db, Clock.systemUTC());
    Published result = new Published("videos/x/hls/1", Duration.ofSeconds(2), 640, 360, "00");

    String revived = bed.upload(TestFfmpeg.smallMp4(dir.resolve("revived.mp4")));
    JobSubject first = ledger.claim(bed.tenant, revived).orElseThrow();
    JobSubject second = ledger.claim(bed.tenant, revived).orElseThrow();
    assertNotEquals(first.claim(), second.claim());
    assertFalse(ledger.published(first, result), "an older claim");
    assertTrue(ledger.published(second, result));
    assertEquals("IN_REVIEW", bed.column(revived, "state"));
    assertFalse(ledger.published(second, result), "no longer processing");

    String cancelled = bed.upload(TestFfmpeg.smallMp4(dir.resolve("cancelled.mp4")));
    JobSubject claimed = ledger.claim(bed.tenant, cancelled).orElseThrow();
    requestCancel(cancelled);
    assertFalse(ledger.published(claimed, result), "cancelled meanwhile");
    assertEquals("PROCESSING", bed.column(cancelled, "state"));

    String deleted = bed.upload(TestFfmpeg.smallMp4(dir.resolve("deleted.mp4")));
    JobSubject gone = ledger.claim(bed.tenant, deleted).orElseThrow();
    ledger.discard(bed.tenant, deleted);
    assertFalse(ledger.published(gone, result), "deleted meanwhile");
  }

  /** A ledger that passes every call on, for tests that interpose at one step. */
  private static class ForwardingLedger implements JobLedger {
    private final JobLedger next;

    ForwardingLedger(JobLedger next) {
      this.next = next;
    }

    @Override
    public Optional<JobSubject> claim(String tenantId, String videoId) {
      return next.claim(tenantId, videoId);
    }

    @Override
    public void progress(String tenantId, String videoId, int percent) {
      next.progress(tenantId, videoId, percent);
    }

    @Override
    public boolean cancelRequested(String tenantId, String videoId) {
      return next.cancelRequested(tenantId, videoId);
    }

    @Override
    public void rejected(String tenantId, String videoId, String reason, String detail) {
      next.rejected(tenantId, videoId, reason, detail);
    }

    @Override
    public boolean published(JobSubject subject, Published result) {
      return next.published(subject, result);
    }

    @Override
    public void failed(String tenantId, String videoId, String detail) {
      next.failed(tenantId, videoId, detail);
    }

    @Override
    public void discard(String tenantId, String videoId) {
      next.discard(tenantId, videoId);
    }
  }

  /** Checks that no output can pass: every rung is further than -1 ms from the input's length. */
  private static LadderSettings unpassable() {
    LadderSettings d = LadderSettings.defaults();
    return new LadderSettings(
        d.rungs(),
        d.preset(),
        d.crf(),
        d.audioBitrateKbps(),
        d.segmentSeconds(),
        d.minThumbnailInterval(),
        d.maxThumbnails(),
        d.thumbnailLongSide(),
        d.posterShortSide(),
        d.maxPixels(),
        d.containers(),
        d.stallTimeout(),
        d.timeoutBase(),
        d.timeoutFactor(),
        d.killGrace(),
        Duration.ofMillis(-1));
  }

  private static CompletableFuture<Void> runAsync(
      LadderSettings settings, Path work, String videoId) {
    return run(settings, work, videoId, new JdbcJobLedger(bed.db, Clock.systemUTC()));
  }

  private static CompletableFuture<Void> run(
      LadderSettings settings, Path work, String videoId, JobLedger ledger) {
    JobParts parts =
        new JobParts(
            bed.store,
            bed.sealed,
            bed.chunks,
            loopback,
            new InputProbe(TestFfmpeg.INSTALLATION, ProbeLimits.defaults()),
            new HlsTranscoder(TestFfmpeg.INSTALLATION, settings),
            ledger,
            // The test's temporary directory is on a disk here.
            new Workspace(work, true));
    return CompletableFuture.runAsync(
        () -> {
          try {
            new TranscodeJob(parts).run(bed.tenant, videoId, true);
          } catch (Exception e) {
            throw new CompletionException(e);
          }
        });
  }

  /** Waits until a media segment of the attempt is in the object store while the job still runs. */
  private static void awaitSealedSegment(String videoId, CompletableFuture<Void> job)
      throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (bed.store.list(bed.tenant, VideoObjects.renditions(videoId)).stream()
        .map(ObjectSummary::key)
        .noneMatch(key -> key.endsWith(".m4s"))) {
      assertTrue(!job.isDone(), "the job ended before a segment was sealed");
      assertTrue(System.nanoTime() < deadline, "no segment sealed");
      Thread.sleep(50);
    }
    assertTrue(!job.isDone(), "a segment is sealed while the job still runs");
  }

  private static void requestCancel(String videoId) throws Exception {
    try (Connection c = bed.db.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "UPDATE video SET cancel_requested = TRUE WHERE tenant_id = ? AND id = ?")) {
      s.setString(1, bed.tenant);
      s.setString(2, videoId);
      assertEquals(1, s.executeUpdate());
    }
  }

  private static void assertEmpty(Path work) throws Exception {
    try (Stream<Path> left = Files.list(work)) {
      assertEquals(List.of(), left.toList(), "scratch directories left behind");
    }
  }
}
