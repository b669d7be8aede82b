package io.kursfilm.transcoder.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The transcode job in process against real MariaDB, S3Proxy and ffmpeg: its segments are sealed
 * while ffmpeg runs, so an attempt that is cancelled or fails after some were stored must remove
 * them again, and leave no scratch file. The job changes no version row: everything it learns
 * reaches the outbox as outcomes, which the application applies (or refuses) later.
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
  void a_transcode_hands_its_rendition_over_as_an_outcome_and_changes_no_row() throws Exception {
    Path clip = TestFfmpeg.mp4(dir.resolve("published.mp4"), "640x360", 3);
    String versionId = bed.upload(clip);
    String before = bed.row(versionId);
    Path work = Files.createDirectory(dir.resolve("work-published"));
    AtomicInteger told = new AtomicInteger();

    run(
            LadderSettings.defaults(),
            work,
            versionId,
            new JdbcOutcomePort(bed.db, Clock.systemUTC(), told::incrementAndGet))
        .get(2, TimeUnit.MINUTES);

    assertEquals(before, bed.row(versionId), "the job only reports");
    assertTrue(told.get() >= 3, "the application is told after every report: " + told);
    List<JobTestbed.Outcome> outcomes = bed.outcomes(versionId);
    assertEquals(
        List.of(OutcomeKind.CLAIMED, OutcomeKind.PROGRESS, OutcomeKind.PUBLISHED),
        bed.kinds(versionId),
        "progress merged into one pending row: " + outcomes);
    String claim = outcomes.get(0).claim();
    assertTrue(outcomes.stream().allMatch(o -> claim.equals(o.claim())), "one attempt's claim");
    JobTestbed.Outcome published = bed.outcome(versionId, OutcomeKind.PUBLISHED);
    assertTrue(published.rendition().startsWith(VideoObjects.renditions(versionId)));
    assertTrue(
        bed.store.exists(bed.tenant, VideoObjects.masterPlaylist(published.rendition())),
        "the handed-over rendition is complete and kept");
    assertEquals(360, published.height());
    assertTrue(published.durationMs() > 0);
    assertEquals(
        HexFormat.of()
            .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(clip))),
        bed.openMediaHash(versionId, published.mediaSha256()));
    assertTrue(bed.outcome(versionId, OutcomeKind.PROGRESS).percent() <= 99);
    assertEmpty(work);
  }

  @Test
  void cancel_after_segments_were_sealed_leaves_no_object_and_no_scratch_file() throws Exception {
    String versionId = bed.upload(TestFfmpeg.hdMp4(dir.resolve("long.mp4"), 30));
    Path work = Files.createDirectory(dir.resolve("work-cancel"));
    CompletableFuture<Void> job = runAsync(LadderSettings.defaults(), work, versionId);

    awaitSealedSegment(versionId, job);
    bed.requestCancel(versionId);
    job.get(2, TimeUnit.MINUTES);

    assertEquals(List.of(), bed.store.list(bed.tenant, VideoObjects.video(versionId)));
    assertEquals(OutcomeKind.DISCARD, last(versionId), "its rows are the application's to drop");
    assertEquals("UPLOADED", bed.column(versionId, "state"), "the job removes no row itself");
    assertEmpty(work);
  }

  @Test
  void failed_verification_after_segments_were_sealed_leaves_no_object_of_the_attempt()
      throws Exception {
    String versionId = bed.upload(TestFfmpeg.hdMp4(dir.resolve("short.mp4"), 12));
    Path work = Files.createDirectory(dir.resolve("work-fail"));
    CompletableFuture<Void> job = runAsync(unpassable(), work, versionId);

    awaitSealedSegment(versionId, job);
    job.get(2, TimeUnit.MINUTES);

    JobTestbed.Outcome rejected = bed.outcome(versionId, OutcomeKind.REJECTED);
    assertEquals("TRANSCODE_FAILED", rejected.reason());
    assertEquals(OutcomeKind.REJECTED, last(versionId));
    assertEquals("UPLOADED", bed.column(versionId, "state"), "applied by the application");
    assertEquals(List.of(), bed.store.list(bed.tenant, VideoObjects.renditions(versionId)));
    assertFalse(
        bed.store.list(bed.tenant, VideoObjects.original(versionId)).isEmpty(),
        "the original goes when the application accepts the rejection, not before");
    assertEmpty(work);
  }

  @Test
  void every_claim_is_a_fresh_attempt_and_nothing_is_claimed_once_cancelled_or_deleted()
      throws Exception {
    JdbcOutcomePort port = new JdbcOutcomePort(bed.db, Clock.systemUTC());

    String revived = bed.upload(TestFfmpeg.smallMp4(dir.resolve("revived.mp4")));
    JobSubject first = port.claim(bed.tenant, revived).orElseThrow();
    JobSubject second = port.claim(bed.tenant, revived).orElseThrow();
    assertNotEquals(first.claim(), second.claim());
    List<JobTestbed.Outcome> claims = bed.outcomes(revived);
    assertEquals(
        List.of(first.claim(), second.claim()), claims.stream().map(o -> o.claim()).toList());
    assertTrue(claims.get(0).id() < claims.get(1).id(), "applied in the order reported");

    String cancelled = bed.upload(TestFfmpeg.smallMp4(dir.resolve("cancelled.mp4")));
    bed.requestCancel(cancelled);
    assertTrue(port.claim(bed.tenant, cancelled).isEmpty());
    assertTrue(port.cancelRequested(bed.tenant, cancelled));
    assertEquals(List.of(), bed.outcomes(cancelled));

    String gone = java.util.UUID.randomUUID().toString();
    assertTrue(port.claim(bed.tenant, gone).isEmpty(), "no such version");
    assertTrue(port.cancelRequested(bed.tenant, gone), "a deleted version counts as cancelled");
    assertTrue(port.claim("another-tenant", revived).isEmpty(), "found by tenant and id only");
  }

  @Test
  void progress_reports_of_an_attempt_merge_into_one_pending_row() throws Exception {
    JdbcOutcomePort port = new JdbcOutcomePort(bed.db, Clock.systemUTC());
    String versionId = bed.upload(TestFfmpeg.smallMp4(dir.resolve("progress.mp4")));
    JobSubject older = port.claim(bed.tenant, versionId).orElseThrow();
    JobSubject newer = port.claim(bed.tenant, versionId).orElseThrow();

    port.progress(older, 10);
    port.progress(older, 40);
    port.progress(older, 20);
    port.progress(newer, 5);

    List<JobTestbed.Outcome> progress =
        bed.outcomes(versionId).stream().filter(o -> o.kind() == OutcomeKind.PROGRESS).toList();
    assertEquals(2, progress.size(), "one row per attempt: " + progress);
    assertEquals(older.claim(), progress.get(0).claim());
    assertEquals(40, progress.get(0).percent(), "never backwards");
    assertEquals(5, progress.get(1).percent());
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
    return run(settings, work, videoId, new JdbcOutcomePort(bed.db, Clock.systemUTC()));
  }

  private static CompletableFuture<Void> run(
      LadderSettings settings, Path work, String videoId, OutcomePort outcomes) {
    JobParts parts =
        new JobParts(
            bed.store,
            bed.sealed,
            bed.chunks,
            loopback,
            new InputProbe(TestFfmpeg.INSTALLATION, ProbeLimits.defaults()),
            new HlsTranscoder(TestFfmpeg.INSTALLATION, settings),
            outcomes,
            // The test's temporary directory is on a disk here.
            new Workspace(work, true),
            bed.gate,
            bed.cipher);
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

  /** The kind of the version's newest outcome. */
  private static OutcomeKind last(String versionId) throws Exception {
    List<OutcomeKind> kinds = bed.kinds(versionId);
    return kinds.get(kinds.size() - 1);
  }

  private static void assertEmpty(Path work) throws Exception {
    try (Stream<Path> left = Files.list(work)) {
      assertEquals(List.of(), left.toList(), "scratch directories left behind");
    }
  }
}
