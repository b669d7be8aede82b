package io.kursfilm.transcoder.worker;

import com.github.kagkarlsson.scheduler.Scheduler;
import io.kursfilm.storage.field.FieldCipher;
import io.kursfilm.storage.keys.GatedTenantKeys;
import io.kursfilm.storage.keys.JdbcTenantStates;
import io.kursfilm.storage.keys.KeyStoreSettings;
import io.kursfilm.storage.keys.TenantGate;
import io.kursfilm.storage.keys.TenantKeys;
import io.kursfilm.storage.objects.ObjectStore;
import io.kursfilm.storage.objects.ObjectStoreSettings;
import io.kursfilm.storage.sealed.SealedChunks;
import io.kursfilm.storage.sealed.SealedObjects;
import io.kursfilm.transcoder.FfmpegInstallation;
import io.kursfilm.transcoder.ProcessSandbox;
import io.kursfilm.transcoder.hls.HlsTranscoder;
import io.kursfilm.transcoder.hls.LadderSettings;
import io.kursfilm.transcoder.job.JdbcOutcomePort;
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
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.mariadb.jdbc.MariaDbPoolDataSource;

/**
 * Entry point of a standalone transcode worker. It polls the shared queue and runs up to {@code
 * kursfilm.transcode.workers} jobs at once until stopped (SIGTERM lets running jobs finish for up
 * to 30 s; a killed worker's jobs are revived by the others once its heartbeats stop). Its settings
 * come from MicroProfile Config (SmallRye Config in the worker jar) under the app's names, with the
 * app's defaults file and environment variables such as {@code KURSFILM_DB_URL}. It changes no
 * video itself: outcomes go to the {@code transcode_outcome} outbox, which the application applies
 * ({@code kursfilm.transcode.outcome-poll}).
 */
public final class Worker {

  private static final Logger LOG = Logger.getLogger(Worker.class.getName());

  private Worker() {}

  public static void main(String[] args) throws Exception {
    Scheduler scheduler = scheduler(ConfigProvider.getConfig());
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

  static Scheduler scheduler(Config s) throws SQLException, java.io.IOException {
    DataSource db = dataSource(s);
    ObjectStore store =
        new ObjectStore(
            new ObjectStoreSettings(
                s.getValue("kursfilm.s3.endpoint", URI.class),
                s.getValue("kursfilm.s3.access-key", String.class),
                s.getValue("kursfilm.s3.secret-key", String.class),
                s.getValue("kursfilm.s3.bucket-prefix", String.class),
                s.getValue("kursfilm.s3.timeout", Duration.class),
                s.getValue("kursfilm.s3.max-connections", Integer.class)));
    // The same tenant table as the app's: a tenant shredded there stops this worker's seals too.
    TenantGate gate =
        new TenantGate(
            new JdbcTenantStates(db),
            s.getValue("kursfilm.tenant.state-cache-ttl", Duration.class),
            Clock.systemUTC());
    TenantKeys keyStore =
        new KeyStoreSettings(
                Path.of(s.getValue("kursfilm.keystore.dir", String.class)),
                s.getOptionalValue("kursfilm.keystore.master-uri", String.class),
                false,
                s.getOptionalValue("kursfilm.keystore.vault-token", String.class),
                s.getOptionalValue("kursfilm.keystore.kms-credentials", String.class),
                s.getValue("kursfilm.keystore.cache-ttl", Duration.class))
            .open();
    TenantKeys gated = new GatedTenantKeys(keyStore, gate);
    SealedObjects sealed = new SealedObjects(store, gated);
    sealed.warmUp();
    FfmpegInstallation ffmpeg =
        new FfmpegInstallation(
            Path.of(s.getValue("kursfilm.ffmpeg.path", String.class)),
            Path.of(s.getValue("kursfilm.ffprobe.path", String.class)),
            ProcessSandbox.of(s.getValue("kursfilm.transcode.sandbox", String.class)));
    long maxBytes = s.getValue("kursfilm.video.max-upload-bytes", Long.class);
    JobParts parts =
        new JobParts(
            store,
            sealed,
            new SealedChunks(sealed, store, s.getValue("kursfilm.video.chunk-size", Integer.class)),
            startLoopback(),
            new InputProbe(ffmpeg, ProbeLimits.defaults().withMaxBytes(maxBytes)),
            new HlsTranscoder(ffmpeg, LadderSettings.defaults()),
            // Outcomes go to the outbox; the application applies them at its next poll.
            new JdbcOutcomePort(db, Clock.systemUTC()),
            workspace(s),
            gate,
            // Seals the reported media hash; no tenant index key is involved.
            new FieldCipher(
                gated,
                s.getValue("kursfilm.keystore.cache-ttl", Duration.class),
                Clock.systemUTC()));
    parts.workspace().requireMemory();
    int abandoned = parts.workspace().removeAbandoned();
    LOG.info(() -> "removed " + abandoned + " abandoned job director(ies)");
    int workers = Math.max(1, s.getValue("kursfilm.transcode.workers", Integer.class));
    return Scheduler.create(
            db,
            TranscodeQueue.task(
                new TranscodeJob(parts),
                s.getValue("kursfilm.transcode.attempts", Integer.class),
                s.getValue("kursfilm.transcode.backoff", Duration.class)))
        .serializer(TranscodeQueue.serializer())
        .threads(workers)
        .pollingInterval(s.getValue("kursfilm.transcode.poll", Duration.class))
        .heartbeatInterval(s.getValue("kursfilm.transcode.heartbeat", Duration.class))
        .shutdownMaxWait(Duration.ofSeconds(30))
        .build();
  }

  private static Workspace workspace(Config s) {
    boolean allowDisk = s.getValue("kursfilm.transcode.allow-disk-work-dir", Boolean.class);
    return s.getOptionalValue("kursfilm.transcode.work-dir", String.class)
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

  private static DataSource dataSource(Config s) throws SQLException {
    MariaDbPoolDataSource pool =
        new MariaDbPoolDataSource(s.getValue("kursfilm.db.url", String.class));
    pool.setUser(s.getValue("kursfilm.db.user", String.class));
    pool.setPassword(s.getValue("kursfilm.db.password", String.class));
    return pool;
  }
}
