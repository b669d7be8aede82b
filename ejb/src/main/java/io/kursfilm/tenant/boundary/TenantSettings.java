package io.kursfilm.tenant.boundary;

import io.kursfilm.audit.boundary.Action;
import io.kursfilm.audit.boundary.AuditEvent;
import io.kursfilm.audit.boundary.AuditLog;
import io.kursfilm.kernel.Caller;
import io.kursfilm.kernel.Role;
import io.kursfilm.tenant.control.TenantRegistry;
import io.kursfilm.tenant.entity.Tenant;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The settings of the caller's own tenant, as its admins see and change them (docs/api.md: {@code
 * tenant/settings}). Every change is audited with the new values.
 */
@Stateless
@RolesAllowed(Role.Names.TENANT_ADMIN)
public class TenantSettings {

  /** The settings with the limit that applies, for the admin page and the API. */
  public record View(
      Long maxUploadBytes,
      long effectiveMaxUploadBytes,
      long platformMaxUploadBytes,
      boolean anonymiseResults,
      boolean requireCriticApproval,
      int requiredApprovals) {}

  @Inject Caller caller;
  @Inject TenantRegistry tenants;
  @Inject AuditLog audit;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "kursfilm.video.max-upload-bytes")
  long platformMaxUploadBytes;

  public View view() {
    return viewOf(own().settings());
  }

  public View update(TenantSettingsValue settings) {
    Tenant tenant = own();
    tenant.configure(settings, platformMaxUploadBytes, clock.instant());
    audit.recordInTransaction(
        AuditEvent.of(Action.TENANT_SETTINGS_CHANGED)
            .subject("tenant", tenant.id())
            .detail(
                "maxUploadBytes", settings.maxUploadBytes().map(String::valueOf).orElse("platform"))
            .detail("anonymiseResults", settings.anonymiseResults())
            .detail("requireCriticApproval", settings.requireCriticApproval())
            .detail("requiredApprovals", settings.requiredApprovals()));
    return viewOf(tenant.settings());
  }

  private View viewOf(TenantSettingsValue s) {
    return new View(
        s.maxUploadBytes().orElse(null),
        UploadLimit.of(s, platformMaxUploadBytes),
        platformMaxUploadBytes,
        s.anonymiseResults(),
        s.requireCriticApproval(),
        s.requiredApprovals());
  }

  private Tenant own() {
    return tenants.find(caller.require().tenantId()).orElseThrow();
  }

  /** The upload limit that applies to a tenant: its own, within the platform's. */
  public static final class UploadLimit {
    private UploadLimit() {}

    public static long of(TenantSettingsValue settings, long platformMax) {
      return settings.maxUploadBytes().map(l -> Math.min(l, platformMax)).orElse(platformMax);
    }
  }
}
