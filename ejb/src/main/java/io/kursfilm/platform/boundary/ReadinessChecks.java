package io.kursfilm.platform.boundary;

import io.kursfilm.platform.control.DatabaseProbe;
import io.kursfilm.storage.keys.TenantKeys;
import io.kursfilm.storage.objects.ObjectStore;
import io.kursfilm.transcoder.FfmpegInstallation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * The four things a node needs before it may take traffic: database, object store, ffmpeg and key
 * store. Each is a named readiness check, so a 503 from {@code /health/ready} names the one that is
 * down. Causes are logged, never returned: they may reveal internals.
 */
@ApplicationScoped
public class ReadinessChecks {

  private static final Logger LOG = Logger.getLogger(ReadinessChecks.class.getName());

  @Inject DatabaseProbe database;

  @Inject ObjectStore objectStore;
  @Inject TenantKeys tenantKeys;
  @Inject FfmpegInstallation ffmpeg;

  @Produces
  @Readiness
  HealthCheck database() {
    return check(
        "database",
        () -> {
          database.ping();
          return null;
        });
  }

  @Produces
  @Readiness
  HealthCheck objectStore() {
    return check(
        "object-store",
        () -> {
          objectStore.ping();
          return null;
        });
  }

  @Produces
  @Readiness
  HealthCheck keyStore() {
    return check(
        "key-store",
        () -> {
          tenantKeys.check();
          return null;
        });
  }

  @Produces
  @Readiness
  HealthCheck ffmpeg() {
    return check("ffmpeg", ffmpeg::verify);
  }

  private static HealthCheck check(String name, Supplier<?> probe) {
    return () -> {
      try {
        probe.get();
        return HealthCheckResponse.up(name);
      } catch (RuntimeException e) {
        LOG.log(
            Level.WARNING, "readiness check {0} failed: {1}", new Object[] {name, e.toString()});
        return HealthCheckResponse.down(name);
      }
    };
  }
}
