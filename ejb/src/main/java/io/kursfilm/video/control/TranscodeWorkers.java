package io.kursfilm.video.control;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import io.kursfilm.storage.field.FieldCipher;
import io.kursfilm.storage.keys.TenantGate;
import io.kursfilm.storage.objects.ObjectStore;
import io.kursfilm.storage.sealed.SealedChunks;
import io.kursfilm.storage.sealed.SealedObjects;
import io.kursfilm.transcoder.hls.HlsTranscoder;
import io.kursfilm.transcoder.job.JdbcOutcomePort;
import io.kursfilm.transcoder.job.JobParts;
import io.kursfilm.transcoder.job.TranscodeJob;
import io.kursfilm.transcoder.job.TranscodeQueue;
import io.kursfilm.transcoder.job.UploadSweeps;
import io.kursfilm.transcoder.job.Workspace;
import io.kursfilm.transcoder.loopback.LoopbackServer;
import io.kursfilm.transcoder.probe.InputProbe;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The transcode queue inside the application: enqueues jobs, and runs {@code
 * kursfilm.transcode.workers} of them at a time on this node (0 leaves transcoding to standalone
 * workers). Its jobs report through the same outbox as standalone workers' and ask {@link
 * JobOutcomes} to apply it at once. db-scheduler's pools come from the container's thread factory;
 * it is stopped before the application goes away.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TranscodeWorkers {

  private static final Logger LOG = Logger.getLogger(TranscodeWorkers.class.getName());

  @Resource(lookup = "java:app/jdbc/kursfilm")
  DataSource dataSource;

  @Resource ManagedThreadFactory threads;

  @Inject ObjectStore store;
  @Inject SealedObjects sealed;
  @Inject TenantGate gate;
  @Inject FieldCipher cipher;
  @Inject SealedChunks chunks;
  @Inject LoopbackServer loopback;
  @Inject InputProbe probe;
  @Inject HlsTranscoder transcoder;
  @Inject Workspace workspace;
  @Inject JobOutcomes outcomes;
  @Inject AbandonedUploads abandonedUploads;

  @Inject
  @ConfigProperty(name = "kursfilm.transcode.workers")
  int workers;

  @Inject
  @ConfigProperty(name = "kursfilm.transcode.attempts")
  int attempts;

  @Inject
  @ConfigProperty(name = "kursfilm.transcode.backoff")
  Duration backoff;

  @Inject
  @ConfigProperty(name = "kursfilm.transcode.heartbeat")
  Duration heartbeat;

  @Inject
  @ConfigProperty(name = "kursfilm.transcode.poll")
  Duration poll;

  @Inject
  @ConfigProperty(name = "kursfilm.video.abandon-after")
  Duration abandonAfter;

  private SchedulerClient client;
  private Scheduler scheduler;
  private UploadSweeps sweeps;

  @PostConstruct
  void start() {
    sweeps = new UploadSweeps(dataSource);
    client =
        SchedulerClient.Builder.create(dataSource, TranscodeQueue.descriptor())
            .serializer(TranscodeQueue.serializer())
            .build();
    if (workers <= 0) {
      LOG.info("transcoding left to standalone workers");
      return;
    }
    try {
      workspace.requireMemory();
    } catch (IllegalStateException | IOException e) {
      // Decrypted video must not reach a disk: jobs stay queued for a node that can run them.
      LOG.severe("transcoding refused on this node: " + e.getMessage());
      return;
    }
    try {
      workspace.removeAbandoned();
    } catch (IOException e) {
      LOG.warning("could not clear abandoned job directories: " + e.getMessage());
    }
    // The job reports into the outbox and asks for it to be applied at once.
    JdbcOutcomePort port = new JdbcOutcomePort(dataSource, Clock.systemUTC(), outcomes::reported);
    TranscodeJob job =
        new TranscodeJob(
            new JobParts(
                store, sealed, chunks, loopback, probe, transcoder, port, workspace, gate, cipher));
    scheduler =
        Scheduler.create(dataSource, TranscodeQueue.task(job, attempts, backoff))
            .serializer(TranscodeQueue.serializer())
            .threads(workers)
            .executorService(Executors.newFixedThreadPool(workers, threads))
            .dueExecutor(Executors.newSingleThreadExecutor(threads))
            .housekeeperExecutor(Executors.newScheduledThreadPool(2, threads))
            .pollingInterval(poll)
            .heartbeatInterval(heartbeat)
            .build();
    scheduler.start();
    LOG.info(() -> "transcoding with " + workers + " worker(s) on this node");
  }

  /** Queues the transcode of an uploaded video; a second call for the same video is a no-op. */
  public void enqueue(String tenantId, String videoId) {
    client.scheduleIfNotExists(TranscodeQueue.instance(tenantId, videoId), Instant.now());
  }

  /**
   * Queues uploads that have no job: the enqueue after an upload commits can fail (node stopped
   * between the two), so completed uploads are swept up here.
   */
  @Schedule(minute = "*", hour = "*", persistent = false)
  void sweep() {
    sweeps.stranded(Instant.now().minus(Duration.ofMinutes(1))).forEach(v -> enqueue(v[0], v[1]));
  }

  /**
   * Deletes resumable uploads nobody continued for {@code kursfilm.video.abandon-after}: their
   * chunks and rows, so a broken-off upload leaves nothing behind for long.
   */
  @Schedule(minute = "17", hour = "*", persistent = false)
  void purgeAbandonedUploads() {
    Instant before = Instant.now().minus(abandonAfter);
    for (String[] upload : sweeps.abandoned(before)) {
      try {
        if (abandonedUploads.discard(upload[0], upload[1], before)) {
          LOG.info(() -> "abandoned upload " + upload[1] + " removed");
        }
      } catch (RuntimeException e) {
        LOG.warning(() -> "abandoned upload " + upload[1] + " not removed yet: " + e);
      }
    }
  }

  @PreDestroy
  void stop() {
    if (scheduler != null) {
      scheduler.stop();
    }
  }
}
