package io.kursfilm.audit.boundary;

import io.kursfilm.audit.control.AuditSigningKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness check {@code audit-signing}: the checkpoint signing key is loaded, still in the key
 * store and matches the pinned public key. DOWN rather than replaced when it went missing, so an
 * operator restores it from the key-store backup. The cause is logged, never returned.
 */
@ApplicationScoped
public class AuditSigningReadiness {

  private static final Logger LOG = Logger.getLogger(AuditSigningReadiness.class.getName());

  @Inject AuditSigningKey key;

  @Produces
  @Readiness
  HealthCheck auditSigning() {
    return () -> {
      try {
        key.check();
        return HealthCheckResponse.up("audit-signing");
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "readiness check audit-signing failed: {0}", e.toString());
        return HealthCheckResponse.down("audit-signing");
      }
    };
  }
}
