package io.kursfilm.platform.boundary;

import io.kursfilm.platform.control.ReadinessProbes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * The four things a node needs before it may take traffic: database, object store, ffmpeg and key
 * store. Each is a named readiness check, so a 503 from {@code /health/ready} names the one that is
 * down. The checks report the verdicts of {@link ReadinessProbes}, which probes in the background:
 * answering {@code /health/ready} does no I/O.
 */
@ApplicationScoped
public class ReadinessChecks {

  @Inject ReadinessProbes probes;

  @Produces
  @Readiness
  HealthCheck database() {
    return verdictOf("database");
  }

  @Produces
  @Readiness
  HealthCheck objectStore() {
    return verdictOf("object-store");
  }

  @Produces
  @Readiness
  HealthCheck keyStore() {
    return verdictOf("key-store");
  }

  @Produces
  @Readiness
  HealthCheck ffmpeg() {
    return verdictOf("ffmpeg");
  }

  private HealthCheck verdictOf(String name) {
    return () -> probes.up(name) ? HealthCheckResponse.up(name) : HealthCheckResponse.down(name);
  }
}
