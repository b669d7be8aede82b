package io.kursfilm.offboarding.boundary;

import io.kursfilm.audit.boundary.Action;
import io.kursfilm.audit.boundary.AuditEvent;
import io.kursfilm.audit.boundary.AuditLog;
import io.kursfilm.kernel.AuthenticatedCaller;
import io.kursfilm.kernel.Caller;
import io.kursfilm.kernel.ConflictException;
import io.kursfilm.kernel.Role;
import io.kursfilm.offboarding.control.ExportParts;
import io.kursfilm.offboarding.control.ShredConfirmed;
import io.kursfilm.offboarding.entity.Offboarding;
import io.kursfilm.offboarding.entity.OffboardingState;
import io.kursfilm.storage.objects.ObjectStore;
import io.kursfilm.tenant.boundary.ShredReceipt;
import io.kursfilm.tenant.boundary.TenantDirectory;
import io.kursfilm.tenant.boundary.TenantOffboarding;
import io.kursfilm.tenant.boundary.TenantView;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The end of an offboarding (docs/api.md, Offboarding): the admin's typed confirmation that starts
 * the crypto-shred, the cancellation before it, and the certificate after it. The admin of the
 * tenant acts on their own tenant's offboardings only (another tenant's look as missing); ROOT
 * reads every certificate. Because the shred deletes the confirming admin's account, the
 * confirmation hands out a certificate token: with it the certificate stays readable without a
 * session for {@code kursfilm.offboarding.certificate-token-ttl}.
 */
@Stateless
public class OffboardingShreds {

  /** What a confirmation answers; {@code certificateToken} is shown once, only its hash is kept. */
  public record Confirmation(String id, String state, String certificateToken) {}

  /** An offboarding's id and state. */
  public record StateView(String id, String state) {}

  /** The export's objects: {@code offboarding/<id>/} in the tenant's bucket (the export job's). */
  private static final SecureRandom RANDOM = new SecureRandom();

  @PersistenceContext(unitName = "kursfilm")
  EntityManager em;

  @Inject Caller caller;
  @Inject TenantDirectory tenants;
  @Inject TenantOffboarding tenantOffboarding;
  @Inject ObjectStore objects;
  @Inject AuditLog audit;
  @Inject Clock clock;
  @Inject Event<ShredConfirmed> confirmed;

  @Inject
  @ConfigProperty(name = "kursfilm.offboarding.certificate-token-ttl")
  Duration certificateTokenTtl;

  /**
   * The admin confirms with the tenant's slug: the offboarding goes to SHREDDING and the shred
   * starts after commit. Empty: no such offboarding of the caller's tenant.
   *
   * @throws ConflictException (nothing changed) before the export is ready, after the shred
   *     started, or when {@code confirmTenant} is not the tenant's slug
   */
  @RolesAllowed(Role.Names.TENANT_ADMIN)
  public Optional<Confirmation> confirm(String offboardingId, String confirmTenant) {
    AuthenticatedCaller me = ownAdmin();
    Optional<Offboarding> found = own(offboardingId, me);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Offboarding o = found.get();
    if (o.state() != OffboardingState.READY_FOR_DOWNLOAD
        && o.state() != OffboardingState.DOWNLOADED) {
      refused(o, "state");
      throw new ConflictException(
          "the shred can be confirmed only once the export is ready; it is " + o.state());
    }
    String slug = tenants.find(o.tenantId()).map(TenantView::slug).orElse("");
    if (confirmTenant == null || !slug.equals(confirmTenant.strip().toLowerCase(Locale.ROOT))) {
      refused(o, "slug");
      throw new ConflictException("confirmTenant must be the company's short name (slug)");
    }
    String token = token();
    // The export froze the tenant; should it not have, the shred, which needs it frozen, does.
    if (tenants.find(o.tenantId()).filter(TenantView::isActive).isPresent()) {
      tenantOffboarding.freeze(o.tenantId());
    }
    o.confirmed(me.userId(), clock.instant());
    o.certificateTokenIssued(sha256(token));
    audit.recordInTransaction(
        AuditEvent.of(Action.OFFBOARDING_CONFIRMED).subject("offboarding", o.id()));
    confirmed.fire(new ShredConfirmed(o.id()));
    return Optional.of(new Confirmation(o.id(), o.state().name(), token));
  }

  /**
   * Cancels an offboarding before its shred: the export is deleted and the tenant works again.
   * Empty: no such offboarding of the caller's tenant.
   *
   * @throws ConflictException once the shred was confirmed, or when it ended already
   */
  @RolesAllowed(Role.Names.TENANT_ADMIN)
  public Optional<StateView> cancel(String offboardingId) {
    Optional<Offboarding> found = own(offboardingId, ownAdmin());
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Offboarding o = found.get();
    try {
      o.cancelled(clock.instant());
    } catch (IllegalStateException e) {
      throw new ConflictException("the offboarding is " + o.state() + "; it cannot be cancelled");
    }
    if (tenants.find(o.tenantId()).map(TenantView::state).orElse("").equals("OFFBOARDING")) {
      tenantOffboarding.thaw(o.tenantId());
    }
    objects.deleteByPrefix(o.tenantId(), ExportParts.prefix(o.id()));
    objects.abortIncompleteUploads(o.tenantId(), ExportParts.prefix(o.id()));
    audit.recordInTransaction(
        AuditEvent.of(Action.OFFBOARDING_CANCELLED).subject("offboarding", o.id()));
    return Optional.of(new StateView(o.id(), o.state().name()));
  }

  /**
   * The certificate of a finished shred: for the tenant's admin (while their account lasts) and for
   * ROOT. Empty: no such offboarding visible to the caller, or no certificate yet.
   */
  @RolesAllowed({Role.Names.TENANT_ADMIN, Role.Names.ROOT})
  public Optional<ShredReceipt> certificate(String offboardingId) {
    AuthenticatedCaller me = caller.require();
    Optional<Offboarding> found =
        me.has(Role.ROOT)
            ? Optional.ofNullable(em.find(Offboarding.class, offboardingId))
            : own(offboardingId, me);
    return found.flatMap(this::receipt);
  }

  /**
   * The certificate for whoever holds the token handed out with the confirmation (the admin whose
   * account the shred deleted), within its lifetime. Empty for a wrong or expired token, exactly as
   * for a missing offboarding.
   */
  @PermitAll
  public Optional<ShredReceipt> certificateByToken(String offboardingId, String token) {
    if (offboardingId == null || token == null || token.isBlank()) {
      return Optional.empty();
    }
    return Optional.ofNullable(em.find(Offboarding.class, offboardingId))
        .filter(o -> o.certificateTokenHash().isPresent())
        .filter(
            o ->
                MessageDigest.isEqual(
                    o.certificateTokenHash().get().getBytes(StandardCharsets.US_ASCII),
                    sha256(token).getBytes(StandardCharsets.US_ASCII)))
        .filter(
            o ->
                o.confirmedAt()
                    .map(at -> at.plus(certificateTokenTtl).isAfter(clock.instant()))
                    .orElse(false))
        .flatMap(this::receipt);
  }

  private Optional<ShredReceipt> receipt(Offboarding o) {
    return o.state() == OffboardingState.SHREDDED
        ? tenantOffboarding.certificate(o.tenantId())
        : Optional.empty();
  }

  /**
   * The company's own admin: an operator elevated into the company may not confirm or cancel its
   * offboarding (the matrix found cancel open to them once the company was no longer frozen).
   */
  private AuthenticatedCaller ownAdmin() {
    AuthenticatedCaller me = caller.require();
    if (me.isElevated()) {
      throw new EJBAccessException("the company's own admins only");
    }
    return me;
  }

  private Optional<Offboarding> own(String offboardingId, AuthenticatedCaller me) {
    if (offboardingId == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(em.find(Offboarding.class, offboardingId))
        .filter(o -> o.tenantId().equals(me.tenantId()));
  }

  private void refused(Offboarding o, String why) {
    audit.record(
        AuditEvent.of(Action.OFFBOARDING_CONFIRM_REFUSED)
            .subject("offboarding", o.id())
            .detail("reason", why));
  }

  private static String token() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static String sha256(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from the JDK", e);
    }
  }
}
