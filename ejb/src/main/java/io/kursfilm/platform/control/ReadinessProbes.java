package io.kursfilm.platform.control;

import io.kursfilm.storage.keys.TenantKeys;
import io.kursfilm.storage.objects.ObjectStore;
import io.kursfilm.transcoder.FfmpegInstallation;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Probes what a node needs before it may take traffic (database, object store, ffmpeg, key store)
 * in the background, every {@code kursfilm.readiness.probe-interval}, and keeps a {@link
 * ProbeVerdict} per check that {@code /health/ready} only reads.
 *
 * <p>Probing on the request thread made readiness a function of how busy the node was: under load
 * the object-store probe missed its timeout and the node reported DOWN while S3 was up. Here the
 * health endpoint costs nothing, a probe never runs twice at once, and a check goes DOWN only after
 * {@code kursfilm.readiness.failures-before-down} failed probes in a row: a real outage shows
 * within interval × failures, one slow probe never does. Causes are logged, never returned.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ReadinessProbes {

  private static final Logger LOG = Logger.getLogger(ReadinessProbes.class.getName());

  @Inject
  @ConfigProperty(name = "kursfilm.readiness.probe-interval", defaultValue = "PT2S")
  Duration interval;

  @Inject
  @ConfigProperty(name = "kursfilm.readiness.failures-before-down", defaultValue = "3")
  int failuresBeforeDown;

  @Resource TimerService timers;
  @Inject DatabaseProbe database;
  @Inject ObjectStore objectStore;
  @Inject TenantKeys tenantKeys;
  @Inject FfmpegInstallation ffmpeg;

  /**
   * ffmpeg is probed only every this many rounds: each probe starts two sandboxed processes
   * (measurable under load), and an installed binary does not go away the way a server does.
   */
  static final int FFMPEG_EVERY_ROUNDS = 15;

  private final Map<String, Runnable> probes = new LinkedHashMap<>();
  private final Map<String, ProbeVerdict> verdicts = new LinkedHashMap<>();
  private final AtomicBoolean probing = new AtomicBoolean();
  private long rounds;

  @PostConstruct
  void start() {
    probes.put("database", database::ping);
    probes.put("object-store", objectStore::ping);
    probes.put("key-store", tenantKeys::check);
    probes.put("ffmpeg", ffmpeg::verify);
    probes.keySet().forEach(name -> verdicts.put(name, new ProbeVerdict(failuresBeforeDown)));
    // A first round now, so a node whose dependencies are up is ready as soon as it is deployed.
    probeAll();
    long ms = interval.toMillis();
    timers.createIntervalTimer(ms, ms, new TimerConfig("readiness-probes", false));
  }

  @Timeout
  void onTimer() {
    probeAll();
  }

  /** The check names, in the order {@code /health/ready} lists them. */
  public Iterable<String> names() {
    return probes.keySet();
  }

  public boolean up(String check) {
    ProbeVerdict verdict = verdicts.get(check);
    if (verdict == null) {
      throw new IllegalArgumentException("no readiness check " + check);
    }
    return verdict.up();
  }

  private void probeAll() {
    // A round that outlasts the interval (a dependency hanging until its timeout) is not joined by
    // the next one: that would only pile up threads waiting on the same dead endpoint.
    if (!probing.compareAndSet(false, true)) {
      return;
    }
    try {
      boolean withFfmpeg = rounds++ % FFMPEG_EVERY_ROUNDS == 0;
      probes.forEach(
          (name, probe) -> {
            if (withFfmpeg || !name.equals("ffmpeg")) {
              probe(name, probe);
            }
          });
    } finally {
      probing.set(false);
    }
  }

  private void probe(String name, Runnable probe) {
    ProbeVerdict verdict = verdicts.get(name);
    try {
      probe.run();
      if (!verdict.up()) {
        LOG.info(() -> "readiness check " + name + " is UP");
      }
      verdict.record(true);
    } catch (RuntimeException e) {
      verdict.record(false);
      LOG.log(
          Level.WARNING,
          "readiness probe {0} failed ({1} in a row, {2}): {3}",
          new Object[] {
            name, verdict.failuresInRow(), verdict.up() ? "still UP" : "DOWN", e.toString()
          });
    }
  }
}
