package io.kursfilm.identity.boundary;

import io.kursfilm.identity.control.AuthenticatedCaller;
import io.kursfilm.identity.control.Caller;
import io.kursfilm.identity.control.ElevationAudit;
import io.kursfilm.identity.control.ElevationLedger;
import io.kursfilm.identity.entity.Elevation;
import io.kursfilm.identity.entity.Role;
import io.kursfilm.tenant.control.TenantRegistry;
import io.kursfilm.tenant.entity.Tenant;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/**
 * Time-bound access of platform operators to a tenant. An operator holds no tenant rights until
 * they request an elevation with a reason; it lapses by itself. The tenant's admins see every
 * elevation into their tenant.
 */
@Stateless
public class Elevations {

  /** An elevation in force and the caller it turns the operator into for one request. */
  public record Elevated(String elevationId, AuthenticatedCaller caller) {}

  @Inject Caller caller;
  @Inject ElevationLedger ledger;
  @Inject ElevationAudit elevationAudit;
  @Inject TenantRegistry tenants;
  @Inject Clock clock;

  /** Elevates the calling operator into the tenant {@code tenantSlug} for the configured time. */
  @RolesAllowed(Role.Names.ROOT)
  public ElevationView request(String tenantSlug, String reason) {
    AuthenticatedCaller operator = caller.require();
    Tenant tenant =
        tenants
            .findBySlug(tenantSlug)
            .filter(Tenant::isActive)
            .filter(t -> !Tenant.PLATFORM_SLUG.equals(t.slug()))
            .orElseThrow(() -> new IllegalArgumentException("tenant: no such customer tenant"));
    Elevation elevation = ledger.grant(tenant.id(), operator.userId(), reason);
    elevationAudit.elevationGranted(elevation.id(), operator.userId(), tenant.id());
    return ElevationView.of(elevation, tenant.slug(), clock.instant());
  }

  /** Tenant admins: elevations into their tenant. Operators: their own elevations. */
  @RolesAllowed({Role.Names.ROOT, Role.Names.TENANT_ADMIN})
  public List<ElevationView> list() {
    AuthenticatedCaller who = caller.require();
    Instant now = clock.instant();
    List<Elevation> found =
        who.has(Role.ROOT) ? ledger.byOperator(who.userId()) : ledger.intoTenant(who.tenantId());
    return found.stream()
        .map(e -> ElevationView.of(e, tenants.find(e.tenantId()).map(Tenant::slug).orElse(""), now))
        .toList();
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
        .filter(Tenant::isActive)
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
                                    operator.sessionEpoch()))));
  }
}
