package io.kursfilm.identity.boundary;

import io.kursfilm.audit.boundary.AuditEntryView;
import io.kursfilm.audit.boundary.AuditLog;
import io.kursfilm.audit.boundary.AuditTrail;
import io.kursfilm.identity.control.ElevationLedger;
import io.kursfilm.identity.entity.Elevation;
import io.kursfilm.kernel.AuthenticatedCaller;
import io.kursfilm.kernel.Caller;
import io.kursfilm.kernel.Role;
import io.kursfilm.kernel.TenantSlugs;
import io.kursfilm.tenant.boundary.TenantDirectory;
import io.kursfilm.tenant.boundary.TenantView;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/**
 * Time-bound access of platform operators to a tenant. An operator holds no tenant rights until
 * they request an elevation with a reason; it lapses by itself. The tenant's admins see every
 * elevation into their tenant, and what was done during it ({@link #actions}).
 */
@Stateless
public class Elevations {

  /** Slack around an elevation's window when its actions are looked up (ids decide, not time). */
  private static final Duration LATE = Duration.ofMinutes(1);

  /** An elevation in force and the caller it turns the operator into for one request. */
  public record Elevated(String elevationId, AuthenticatedCaller caller) {}

  @Inject Caller caller;
  @Inject ElevationLedger ledger;
  @Inject ElevationAudit elevationAudit;
  @Inject TenantDirectory tenants;
  @Inject Clock clock;
  @Inject AuditTrail trail;

  /** Elevates the calling operator into the tenant {@code tenantSlug} for the configured time. */
  @RolesAllowed(Role.Names.ROOT)
  public ElevationView request(String tenantSlug, String reason) {
    AuthenticatedCaller operator = caller.require();
    TenantView tenant =
        tenants
            .findBySlug(tenantSlug)
            .filter(TenantView::isActive)
            .filter(t -> !TenantSlugs.PLATFORM.equals(t.slug()))
            .orElseThrow(() -> new IllegalArgumentException("tenant: no such customer tenant"));
    Elevation elevation = ledger.grant(tenant.id(), operator.userId(), reason);
    elevationAudit.elevationGranted(elevation.id(), operator.userId(), tenant.id());
    return ElevationView.of(elevation, tenant.slug(), clock.instant());
  }

  /** TenantView admins: elevations into their tenant. Operators: their own elevations. */
  @RolesAllowed({Role.Names.ROOT, Role.Names.TENANT_ADMIN})
  public List<ElevationView> list() {
    AuthenticatedCaller who = caller.require();
    Instant now = clock.instant();
    List<Elevation> found =
        who.has(Role.ROOT) ? ledger.byOperator(who.userId()) : ledger.intoTenant(who.tenantId());
    return found.stream()
        .map(
            e ->
                ElevationView.of(
                    e, tenants.find(e.tenantId()).map(TenantView::slug).orElse(""), now))
        .toList();
  }

  /**
   * What was done during one elevation: the entries of the tenant's audit chain that name it (the
   * grant, every request, and every event recorded meanwhile), newest first. For the tenant's
   * admins when it was into their tenant, for operators when it was their own; empty otherwise.
   */
  @RolesAllowed({Role.Names.ROOT, Role.Names.TENANT_ADMIN})
  public Optional<List<AuditEntryView>> actions(String elevationId) {
    AuthenticatedCaller who = caller.require();
    return ledger
        .find(elevationId)
        .filter(
            e ->
                who.has(Role.ROOT)
                    ? e.operatorId().equals(who.userId())
                    : e.tenantId().equals(who.tenantId()))
        .map(e -> actionsDuring(e, tenants.find(e.tenantId()).map(TenantView::slug).orElse(null)));
  }

  private List<AuditEntryView> actionsDuring(Elevation e, String tenantSlug) {
    if (tenantSlug == null) {
      return List.of(); // the tenant is gone, and its chain with it
    }
    // A request that began just before the elevation lapsed may be recorded just after it.
    AuditTrail.Criteria during =
        new AuditTrail.Criteria(
            tenantSlug,
            e.startsAt().minus(LATE),
            e.expiresAt().plus(LATE),
            null,
            e.operatorId(),
            0,
            AuditTrail.MAX_LIMIT);
    return trail.list(during).stream().filter(entry -> names(entry, e.id())).toList();
  }

  private static boolean names(AuditEntryView entry, String elevationId) {
    return ("elevation".equals(entry.subjectType()) && elevationId.equals(entry.subjectId()))
        || elevationId.equals(entry.details().get(AuditLog.ELEVATION_DETAIL));
  }

  /**
   * The caller an operator acts as in {@code tenantSlug} while an elevation is in force: the same
   * user id, that tenant, TENANT_ADMIN rights only. Empty for anyone else or without an elevation
   * in force. Called by the web tier's authentication before roles are established.
   */
  @PermitAll
  public Optional<Elevated> elevate(AuthenticatedCaller operator, String tenantSlug) {
    if (!operator.has(Role.ROOT)) {
      return Optional.empty();
    }
    return tenants
        .findBySlug(tenantSlug)
        .filter(TenantView::isActive)
        .flatMap(
            tenant ->
                ledger
                    .active(operator.userId(), tenant.id())
                    .map(
                        e ->
                            new Elevated(
                                e.id(),
                                new AuthenticatedCaller(
                                    tenant.id(),
                                    tenant.slug(),
                                    operator.userId(),
                                    EnumSet.of(Role.TENANT_ADMIN),
                                    operator.sessionEpoch(),
                                    e.id()))));
  }
}
