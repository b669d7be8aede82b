package io.kursfilm.transcoder.job;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kursfilm.storage.keys.TenantClosedException;
import io.kursfilm.storage.keys.TenantGate;
import io.kursfilm.storage.sealed.SealedObjectException;
import io.kursfilm.transcoder.TestFfmpeg;
import io.kursfilm.transcoder.hls.HlsTranscoder;
import io.kursfilm.transcoder.hls.LadderSettings;
import io.kursfilm.transcoder.loopback.LoopbackServer;
import io.kursfilm.transcoder.probe.InputProbe;
import io.kursfilm.transcoder.probe.ProbeLimits;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tenant gate against real MariaDB and S3Proxy: a tenant's state changed in the tenant table
 * (as another node's off-boarding or shred does) stops sealing, and for a shred also opening,
 * within the state TTL of five seconds, while other tenants carry on; a transcode running when its
 * tenant is shredded stops at its next segment, for good, and leaves no object behind.
 */
class TenantGateIT {

  /**
   * The state TTL (the testbed's gate uses the maximum) plus time for a poll and a slow machine.
   */
  static final Duration WITHIN = TenantGate.MAX_TTL.plusSeconds(3);

  static final byte[] BYTES = "lesson one".getBytes(StandardCharsets.UTF_8);

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
  void a_shredded_tenant_neither_seals_nor_opens_within_seconds_and_another_is_untouched()
      throws Exception {
    String shredded = bed.addTenant();
    String other = bed.addTenant();
    seal(shredded, "before");
    seal(other, "before");
    assertArrayEquals(BYTES, read(shredded, "before"), "an ACTIVE tenant seals and opens");

    bed.setState(shredded, "SHREDDED");
    long since = System.nanoTime();
    SealedObjectException refused = awaitRefusal(() -> seal(shredded, "after"), since);

    TenantClosedException why = assertInstanceOf(TenantClosedException.class, refused.getCause());
    assertTrue(why.getMessage().contains("SHREDDED"), why.getMessage());
    SealedObjectException unread =
        assertThrows(SealedObjectException.class, () -> read(shredded, "before"));
    assertInstanceOf(TenantClosedException.class, unread.getCause());
    seal(other, "after");
    assertArrayEquals(BYTES, read(other, "before"), "another tenant still opens");
    assertArrayEquals(BYTES, read(other, "after"), "and seals");
  }

  @Test
  void an_offboarding_tenant_is_still_read_for_its_export_but_seals_nothing_new() throws Exception {
    String leaving = bed.addTenant();
    seal(leaving, "before");

    bed.setState(leaving, "OFFBOARDING");
    SealedObjectException refused = awaitRefusal(() -> seal(leaving, "after"), System.nanoTime());

    assertInstanceOf(TenantClosedException.class, refused.getCause());
    assertArrayEquals(BYTES, read(leaving, "before"), "the export reads everything");
  }

  @Test
  void a_transcode_running_when_its_tenant_is_shredded_stops_and_leaves_no_object()
      throws Exception {
    String versionId = bed.upload(TestFfmpeg.hdMp4(dir.resolve("clip.mp4"), 30));
    Path work = Files.createDirectory(dir.resolve("work"));
    CompletableFuture<Void> job = start(versionId, work);
    awaitSealedSegment(versionId);

    bed.setState(bed.tenant, "SHREDDED");
    long since = System.nanoTime();
    job.get(WITHIN.plusSeconds(10).toSeconds(), TimeUnit.SECONDS);
    Duration took = Duration.ofNanos(System.nanoTime() - since);

    assertTrue(took.compareTo(WITHIN.plusSeconds(10)) < 0, "stopped after " + took);
    assertEquals(TranscodeJob.TENANT_CLOSED, bed.failureDetail(versionId), "failed for good");
    assertEquals(
        List.of(),
        bed.store.list(bed.tenant, VideoObjects.renditions(versionId)),
        "no segment of the attempt is left");
    try (Stream<Path> left = Files.list(work)) {
      assertEquals(List.of(), left.toList(), "no scratch directory is left");
    }
  }

  private static void seal(String tenantId, String objectId) {
    bed.sealed.seal(tenantId, objectId, new ByteArrayInputStream(BYTES));
  }

  private static byte[] read(String tenantId, String objectId) throws Exception {
    try (InputStream in = bed.sealed.open(tenantId, objectId)) {
      return in.readAllBytes();
    }
  }

  /** Repeats {@code attempt} until it is refused; fails when that takes longer than the TTL. */
  private static SealedObjectException awaitRefusal(Runnable attempt, long since) throws Exception {
    while (true) {
      try {
        attempt.run();
      } catch (SealedObjectException e) {
        Duration took = Duration.ofNanos(System.nanoTime() - since);
        assertTrue(took.compareTo(WITHIN) <= 0, "refused only after " + took);
        return e;
      }
      assertTrue(System.nanoTime() - since < WITHIN.toNanos(), "still sealing after " + WITHIN);
      Thread.sleep(200);
    }
  }

  private static CompletableFuture<Void> start(String versionId, Path work) {
    JobParts parts =
        new JobParts(
            bed.store,
            bed.sealed,
            bed.chunks,
            loopback,
            new InputProbe(TestFfmpeg.INSTALLATION, ProbeLimits.defaults()),
            new HlsTranscoder(TestFfmpeg.INSTALLATION, LadderSettings.defaults()),
            new JdbcOutcomePort(bed.db, Clock.systemUTC()),
            new Workspace(work, true),
            bed.gate,
            bed.cipher);
    return CompletableFuture.runAsync(
        () -> {
          try {
            // Not the last attempt: a closed tenant must end the job without the retry's throw.
            new TranscodeJob(parts).run(bed.tenant, versionId, false);
          } catch (Exception e) {
            throw new CompletionException(e);
          }
        });
  }

  private static void awaitSealedSegment(String versionId) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (bed.store.list(bed.tenant, VideoObjects.renditions(versionId)).isEmpty()) {
      assertTrue(System.nanoTime() < deadline, "no segment sealed");
      Thread.sleep(100);
    }
  }
}
