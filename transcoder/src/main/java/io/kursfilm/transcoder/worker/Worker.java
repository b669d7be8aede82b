package io.kursfilm.transcoder.worker;

import com.github.kagkarlsson.scheduler.Scheduler;
import io.kursfilm.storage.keys.KeyStoreSettings;
import io.kursfilm.storage.keys.TenantKeys;
import io.kursfilm.storage.objects.ObjectStore;
import io.kursfilm.storage.objects.ObjectStoreSettings;
import io.kursfilm.storage.sealed.SealedChunks;
import io.kursfilm.storage.sealed.SealedObjects;
import io.kursfilm.transcoder.FfmpegInstallation;
import io.kursfilm.transcoder.ProcessSandbox;
import io.kursfilm.transcoder.hls.HlsTranscoder;
import io.kursfilm.transcoder.hls.LadderSettings;
import io.kursfilm.transcoder.job.JdbcJobLedger;
import io.kursfilm.transcoder.job.JobParts;
import io.kursfilm.transcoder.job.TranscodeJob;
import io.kursfilm.transcoder.job.TranscodeQueue;
import io.kursfilm.transcoder.job.Workspace;
import io.kursfilm.transcoder.loopback.LoopbackServer;
import io.kursfilm.transcoder.probe.InputProbe;
import io.kursfilm.transcoder.probe.ProbeLimits;
import java.net.URI;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.mariadb.jdbc.MariaDbPoolDataSource;

/**
 * Entry point of a standalone transcode worker. It polls the shared queue and runs up to {@code
 * kursfilm.transcode.workers} jobs at once until stopped (SIGTERM lets running jobs finish for up
 * to 30 s; a killed worker's jobs are revived by the others once its heartbeats stop).
 */
public final class Worker {

  private static final Logger LOG = Logger.getLogger(Worker.class.getName());

  private Worker() {}

  public static void main(String[] args) throws Exception {
    WorkerSettings settings = WorkerSettings.fromSystem();
    Scheduler scheduler = scheduler(settings);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  scheduler.stop();
                  stopped.countDown();
                },
                "kf-worker-shutdown"));
    scheduler.start();
    LOG.info("transcode worker started");
    stopped.await();
  }

  static Scheduler scheduler(WorkerSettings s) throws SQLException, java.io.IOException {
    DataSource db = dataSource(s);
    ObjectStore store =
        new ObjectStore(
            new ObjectStoreSettings(
                URI.create(s.required("kursfilm.s3.endpoint")),
                s.required("kursfilm.s3.access-key"),
                s.required("kursfilm.s3.secret-key"),
                s.get("kursfilm.s3.bucket-prefix", "kursfilm"),
                s.duration("kursfilm.s3.timeout", Duration.ofSeconds(10))));
    TenantKeys keys =
        new KeyStoreSettings(
                Path.of(s.required("kursfilm.keystore.dir")),
                s.optional("kursfilm.keystore.master-uri"),
                false,
                s.optional("kursfilm.keystore.vault-token"),
                s.optional("kursfilm.keystore.kms-credentials"),
                s.duration("kursfilm.keystore.cache-ttl", Duration.ofMinutes(5)))
            .open();
    SealedObjects sealed = new SealedObjects(store, keys);
    sealed.warmUp();
    FfmpegInstallation ffmpeg =
        new FfmpegInstallation(
            Path.of(s.get("kursfilm.ffmpeg.path", "/usr/bin/ffmpeg")),
            Path.of(s.get("kursfilm.ffprobe.path", "/usr/bin/ffprobe")),
            ProcessSandbox.of(s.get("kursfilm.transcode.sandbox", "bwrap")));
    long maxBytes = s.number("kursfilm.video.max-upload-bytes", 4L << 30);
    JobParts parts =
        new JobParts(
            store,
            sealed,
            new SealedChunks(sealed, store, s.integer("kursfilm.video.chunk-size", 8 << 20)),
            startLoopback(),
            new InputProbe(ffmpeg, ProbeLimits.defaults().withMaxBytes(maxBytes)),
            new HlsTranscoder(ffmpeg, LadderSettings.defaults()),
            new JdbcJobLedger(db, Clock.systemUTC()),
            workspace(s));
    parts.workspace().requireMemory();
    int abandoned = parts.workspace().removeAbandoned();
    LOG.info(() -> "removed " + abandoned + " abandoned job director(ies)");
    int workers = Math.max(1, s.integer("kursfilm.transcode.workers", 1));
    return Scheduler.create(
            db,
            TranscodeQueue.task(
                new TranscodeJob(parts),
                s.integer("kursfilm.transcode.attempts", 3),
                s.duration("kursfilm.transcode.backoff", Duration.ofSeconds(30))))
        .serializer(TranscodeQueue.serializer())
        .threads(workers)
        .pollingInterval(s.duration("kursfilm.transcode.poll", Duration.ofSeconds(5)))
        .heartbeatInterval(s.duration("kursfilm.transcode.heartbeat", Duration.ofSeconds(30)))
        .shutdownMaxWait(Duration.ofSeconds(30))
        .build();
  }

  private static Workspace workspace(WorkerSettings s) {
    boolean allowDisk =
        Boolean.parseBoolean(s.get("kursfilm.transcode.allow-disk-work-dir", "false"));
    return s.optional("kursfilm.transcode.work-dir")
        .map(d -> new Workspace(Path.of(d), allowDisk))
        .orElseGet(() -> Workspace.standard(allowDisk));
  }

  private static LoopbackServer startLoopback() {
    try {
      return LoopbackServer.start();
    } catch (java.io.IOException e) {
      throw new IllegalStateException("loopback stream for ffmpeg unavailable", e);
    }
  }

  private static DataSource dataSource(WorkerSettings s) throws SQLException {
    MariaDbPoolDataSource pool = new MariaDbPoolDataSource(s.required("kursfilm.db.url"));
    pool.setUser(s.required("kursfilm.db.user"));
    pool.setPassword(s.required("kursfilm.db.password"));
    return pool;
  }
}
