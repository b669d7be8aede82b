package io.kursfilm.transcoder.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import io.kursfilm.transcoder.TestFfmpeg;
import io.kursfilm.transcoder.job.JobTestbed;
import io.kursfilm.transcoder.job.OutcomeKind;
import io.kursfilm.transcoder.job.TranscodeJob;
import io.kursfilm.transcoder.job.TranscodeQueue;
import io.kursfilm.transcoder.job.VideoObjects;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The standalone worker process and a shred elsewhere: the tenant's row is set to SHREDDED in the
 * shared database while the worker transcodes one of its videos, and the worker, which shares
 * nothing with the writer but the database, stops within its state TTL, for good and without
 * leaving an object or scratch file. A testbed of its own, since its tenant ends shredded.
 */
class WorkerShredIT {

  /** The worker's state TTL (PT5S), a segment's seal, killing ffmpeg and reporting. */
  static final Duration WITHIN = Duration.ofSeconds(20);

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
  void a_worker_stops_a_transcode_whose_tenant_is_shredded_and_leaves_nothing() throws Exception {
    String versionId = bed.upload(TestFfmpeg.hdMp4(dir.resolve("clip.mp4"), 30));
    SchedulerClient.Builder.create(bed.db, TranscodeQueue.descriptor())
        .serializer(TranscodeQueue.serializer())
        .build()
        .scheduleIfNotExists(TranscodeQueue.instance(bed.tenant, versionId), Instant.now());

    Process worker = WorkerProcess.start(bed, dir, "shred");
    try {
      awaitSealedSegment(versionId);
      bed.setState(bed.tenant, "SHREDDED");
      bed.await(versionId, OutcomeKind.FAILED, WITHIN);
      assertTrue(worker.isAlive(), "the worker carries on for other tenants");
    } finally {
      worker.destroy();
      worker.waitFor(40, TimeUnit.SECONDS);
    }

    assertEquals(TranscodeJob.TENANT_CLOSED, bed.failureDetail(versionId));
    assertEquals(
        List.of(),
        bed.store.list(bed.tenant, VideoObjects.renditions(versionId)),
        "no segment of the attempt is left");
    try (Stream<Path> left = Files.list(WorkerProcess.work(dir))) {
      assertEquals(List.of(), left.toList(), "no scratch directory is left");
    }
  }

  private static void awaitSealedSegment(String versionId) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (bed.store.list(bed.tenant, VideoObjects.renditions(versionId)).isEmpty()) {
      assertTrue(System.nanoTime() < deadline, "no segment sealed");
      Thread.sleep(100);
    }
  }
}
