package io.kursfilm.offboarding.boundary;

import io.kursfilm.audit.boundary.Action;
import io.kursfilm.audit.boundary.AuditEvent;
import io.kursfilm.audit.boundary.AuditLog;
import io.kursfilm.identity.boundary.TenantMembers;
import io.kursfilm.kernel.AuthenticatedCaller;
import io.kursfilm.kernel.Caller;
import io.kursfilm.kernel.ConflictException;
import io.kursfilm.kernel.Role;
import io.kursfilm.offboarding.control.ExportLinks;
import io.kursfilm.offboarding.entity.Offboarding;
import io.kursfilm.offboarding.entity.OffboardingState;
import io.kursfilm.storage.http.ByteRange;
import io.kursfilm.tenant.boundary.TenantOffboarding;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A tenant admin's offboarding of their own tenant and the platform operator's view of all of them:
 * start (sessions of everybody but the tenant's admins end, the tenant freezes, the export is
 * queued), progress, the export's download through an expiring link, and the confirmation of the
 * download. Another tenant's offboarding is answered as absent. Confirmation of the shred, cancel
 * and the shred itself are not here.
 */
@Stateless
@RolesAllowed({Role.Names.TENANT_ADMIN, Role.Names.ROOT})
public class Offboardings {

  /** States in which an offboarding blocks a new one: running, or done. */
  private static final Set<OffboardingState> BLOCKING =
      EnumSet.complementOf(EnumSet.of(OffboardingState.CANCELLED, OffboardingState.FAILED));

  @PersistenceContext(unitName = "kursfilm")
  EntityManager em;

  @Inject Caller caller;
  @Inject TenantMembers members;
  @Inject TenantOffboarding tenants;
  @Inject ExportLinks links;
  @Inject AuditLog audit;
  @Inject Clock clock;

  /**
   * Starts the offboarding of the caller's tenant.
   *
   * @throws ConflictException when one is already running or done
   */
  @RolesAllowed(Role.Names.TENANT_ADMIN)
  public OffboardingView start() {
    AuthenticatedCaller admin = ownAdmin();
    String tenantId = admin.tenantId();
    boolean blocked = ofTenant(tenantId).stream().anyMatch(o -> BLOCKING.contains(o.state()));
    if (blocked) {
      throw new ConflictException("this tenant's offboarding is already running or done");
    }
    // Sessions first: a frozen tenant's rows are not written any more.
    int ended = members.endSessionsExceptAdmins(tenantId);
    try {
      tenants.freeze(tenantId);
    } catch (IllegalStateException e) {
      throw new ConflictException("the tenant is not active");
    }
    Offboarding offboarding = new Offboarding(tenantId, admin.userId(), clock.instant());
    em.persist(offboarding);
    audit.recordInTransaction(
        AuditEvent.of(Action.OFFBOARDING_STARTED)
            .tenant(tenantId, admin.tenantSlug())
            .actor(admin.userId())
            .subject("offboarding", offboarding.id())
            .detail("sessionsEnded", ended));
    return view(offboarding, null);
  }

  /** The offboarding; empty when it does not exist or is another tenant's (admins). */
  public Optional<OffboardingView> view(String id) {
    return visible(id).map(o -> view(o, linkFor(o)));
  }

  /** The newest offboarding of the admin's own tenant, if any. */
  @RolesAllowed(Role.Names.TENANT_ADMIN)
  public Optional<OffboardingView> current() {
    return ofTenant(ownAdmin().tenantId()).stream().findFirst().map(o -> view(o, linkFor(o)));
  }

  /** Every offboarding, newest first: ROOT sees all, an admin those of their tenant. */
  public List<OffboardingView> all() {
    AuthenticatedCaller who = caller.require();
    List<Offboarding> rows =
        who.has(Role.ROOT) && !who.isElevated()
            ? em.createNamedQuery(Offboarding.ALL, Offboarding.class).getResultList()
            : ofTenant(ownAdmin().tenantId());
    return rows.stream().map(o -> view(o, null)).toList();
  }

  /**
   * The admin confirms they have the export: READY_FOR_DOWNLOAD to DOWNLOADED. Empty for no such
   * offboarding (or another tenant's).
   *
   * @throws ConflictException when the export is not ready (or already confirmed)
   */
  @RolesAllowed(Role.Names.TENANT_ADMIN)
  public Optional<OffboardingView> downloaded(String id) {
    AuthenticatedCaller admin = ownAdmin();
    if (visible(id).isEmpty()) {
      return Optional.empty();
    }
    Offboarding o = em.find(Offboarding.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (o.state() != OffboardingState.READY_FOR_DOWNLOAD) {
      throw new ConflictException("the export is " + o.state() + ", not READY_FOR_DOWNLOAD");
    }
    o.downloaded(clock.instant());
    audit.recordInTransaction(
        AuditEvent.of(Action.OFFBOARDING_DOWNLOADED)
            .tenant(o.tenantId(), admin.tenantSlug())
            .actor(admin.userId())
            .subject("offboarding", o.id())
            .detail("by", "admin"));
    return Optional.of(view(o, null));
  }

  /**
   * Opens the export for download through link {@code token}: only for an admin of the export's
   * tenant holding a valid link of this very export (the link alone is not enough: a forwarded link
   * opens nothing without the admin's session). Every start is audited with the link's id and the
   * byte range. Empty when the link, the export or the caller does not fit, all alike.
   *
   * @throws ByteRange.NotSatisfiableException for a range beyond the archive (416)
   */
  @RolesAllowed(Role.Names.TENANT_ADMIN)
  public Optional<ExportDownload> download(String id, String token, String rangeHeader)
      throws ByteRange.NotSatisfiableException {
    AuthenticatedCaller admin = ownAdmin();
    Optional<Offboarding> found = visible(id);
    if (found.isEmpty()
        || (found.get().state() != OffboardingState.READY_FOR_DOWNLOAD
            && found.get().state() != OffboardingState.DOWNLOADED)) {
      return Optional.empty();
    }
    Optional<String> linkId = links.valid(found.get(), token);
    if (linkId.isEmpty()) {
      return Optional.empty();
    }
    ExportDownload download = links.open(found.get(), rangeHeader);
    ByteRange range = download.range();
    audit.record(
        AuditEvent.of(Action.DOWNLOAD)
            .tenant(admin.tenantId(), admin.tenantSlug())
            .actor(admin.userId())
            .subject("offboarding-export", id)
            .detail("link", linkId.get())
            .detail("first", range == null ? 0 : range.first())
            .detail("last", range == null ? download.size() - 1 : range.last()));
    return Optional.of(download);
  }

  private Optional<Offboarding> visible(String id) {
    if (id == null || id.length() > 36) {
      return Optional.empty();
    }
    AuthenticatedCaller who = caller.require();
    Optional<Offboarding> found = Optional.ofNullable(em.find(Offboarding.class, id));
    if (who.has(Role.ROOT) && !who.isElevated()) {
      return found;
    }
    return found.filter(o -> who.has(Role.TENANT_ADMIN) && o.tenantId().equals(who.tenantId()));
  }

  /** A tenant admin acting in their own tenant (not an operator's elevation). */
  private AuthenticatedCaller ownAdmin() {
    AuthenticatedCaller who = caller.require();
    if (!who.has(Role.TENANT_ADMIN) || who.isElevated()) {
      throw new EJBAccessException("tenant admins only");
    }
    return who;
  }

  private List<Offboarding> ofTenant(String tenantId) {
    return em.createNamedQuery(Offboarding.OF_TENANT, Offboarding.class)
        .setParameter("tenant", tenantId)
        .getResultList();
  }

  /** A fresh link for a tenant admin while the export can be downloaded; none for ROOT. */
  private ExportLinks.Issued linkFor(Offboarding o) {
    AuthenticatedCaller who = caller.require();
    boolean downloadable =
        o.state() == OffboardingState.READY_FOR_DOWNLOAD
            || o.state() == OffboardingState.DOWNLOADED;
    if (!downloadable || !who.has(Role.TENANT_ADMIN) || who.isElevated()) {
      return null;
    }
    return links.issue(o, who.userId());
  }

  private OffboardingView view(Offboarding o, ExportLinks.Issued link) {
    long total = o.exportTotalBytes();
    int progress =
        o.exportReadyAt().isPresent()
            ? 100
            : total <= 0 ? 0 : (int) Math.min(99, o.exportDoneBytes() * 100 / total);
    String certificate =
        tenants
            .certificate(o.tenantId())
            .map(r -> new String(r.json(), StandardCharsets.UTF_8))
            .orElse(null);
    return new OffboardingView(
        o.id(),
        o.tenantId(),
        o.state().name(),
        progress,
        o.exportDoneBytes(),
        total,
        o.requestedAt(),
        o.exportReadyAt().orElse(null),
        o.downloadedAt().orElse(null),
        link == null ? null : link.expiresAt(),
        link == null ? null : link.token(),
        certificate);
  }
}
