package io.kursfilm.identity.boundary;

import io.kursfilm.identity.control.OidcClient;
import io.kursfilm.identity.control.ProviderIdentity;
import io.kursfilm.identity.control.SsoRefusedException;
import io.kursfilm.identity.control.TenantSsoStore;
import io.kursfilm.identity.entity.TenantSso;
import io.kursfilm.kernel.ConflictException;
import io.kursfilm.tenant.boundary.TenantDirectory;
import io.kursfilm.tenant.boundary.TenantView;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sign-in through a tenant's own OpenID Connect provider, open to anyone: which ways to log in a
 * tenant offers, where to send the browser, and what the provider's answer amounts to. The answer
 * is either the same caller a password login yields or one generic refusal. An account is linked by
 * e-mail once, to an existing active user (or created by accepting an invitation), and pinned to
 * the provider's subject then; later sign-ins are matched by issuer and subject only.
 *
 * <p>Runs outside a transaction: the calls to the provider must not hold database resources; the
 * login itself is one transaction of {@link Authentication}.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SsoLogin {

  private static final Logger LOG = Logger.getLogger(SsoLogin.class.getName());

  /** How a tenant's people can log in. */
  public record Options(boolean sso, boolean password) {}

  /** A started sign-in: where to send the browser, and what to keep in its session. */
  public record Start(URI authorizationUri, SsoPending pending) {}

  @Inject TenantDirectory tenants;
  @Inject TenantSsoStore store;
  @Inject OidcClient oidc;
  @Inject Authentication authentication;
  @Inject InvitationAcceptance invitations;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "kursfilm.sso.login-timeout")
  Duration loginTimeout;

  /** For the login page; an unknown tenant looks like one without SSO. */
  public Options options(String tenantSlug) {
    Optional<TenantSso> sso = enabledSso(tenantSlug);
    return new Options(sso.isPresent(), sso.map(s -> !s.refusesPasswords()).orElse(true));
  }

  /**
   * Starts a sign-in at the tenant's provider; {@code invitation} is an invitation token to accept
   * with it, or null. Empty when the tenant does not offer SSO or its provider is unreachable.
   */
  public Optional<Start> begin(String tenantSlug, String invitation) {
    Optional<TenantView> tenant = tenants.findBySlug(tenantSlug).filter(TenantView::admitsLogins);
    Optional<TenantSso> sso = tenant.flatMap(t -> store.find(t.id())).filter(TenantSso::isEnabled);
    if (sso.isEmpty()) {
      return Optional.empty();
    }
    SsoPending pending =
        SsoPending.start(tenant.get().id(), tenant.get().slug(), invitation, clock.instant());
    try {
      return Optional.of(
          new Start(oidc.authorizationUri(sso.get(), pending, store.redirectUri()), pending));
    } catch (SsoRefusedException e) {
      LOG.warning(
          () ->
              "SSO of tenant "
                  + tenant.get().id()
                  + " unavailable: "
                  + e.reason()
                  + " "
                  + OidcClient.causeOf(e));
      return Optional.empty();
    }
  }

  /**
   * Completes a sign-in with the provider's answer ({@code callbackQuery}: the query string the
   * browser brought back). Every failure is the same refusal to the outside; the audit log keeps
   * the reason code.
   */
  public LoginAttempt complete(SsoPending pending, String callbackQuery, String clientAddress) {
    String slug = pending.tenantSlug();
    if (pending.isExpiredAt(clock.instant(), loginTimeout)) {
      return authentication.providerRefused(slug, clientAddress, "expired");
    }
    Optional<TenantSso> sso = store.find(pending.tenantId()).filter(TenantSso::isEnabled);
    if (sso.isEmpty()) {
      return authentication.providerRefused(slug, clientAddress, "sso_disabled");
    }
    URI redirect = store.redirectUri();
    URI callback = URI.create(redirect + "?" + (callbackQuery == null ? "" : callbackQuery));
    ProviderIdentity identity;
    try {
      identity = oidc.redeem(sso.get(), store.clientSecret(sso.get()), pending, callback, redirect);
    } catch (SsoRefusedException e) {
      LOG.info(
          () ->
              "SSO sign-in refused in tenant "
                  + pending.tenantId()
                  + ": "
                  + e.reason()
                  + " "
                  + OidcClient.causeOf(e));
      return authentication.providerRefused(slug, clientAddress, e.reason());
    }
    if (!identity.hasSubject()) {
      return authentication.providerRefused(slug, clientAddress, "subject");
    }
    Optional<String> email = identity.trustedEmail(sso.get().trustProviderEmail());
    if (email.isEmpty()) {
      return authentication.providerRefused(slug, clientAddress, "email_unverified");
    }
    if (pending.invitationToken().isPresent()
        && !accepted(slug, pending.invitationToken().get(), identity, email.get())) {
      return authentication.providerRefused(slug, clientAddress, "invitation");
    }
    return authentication.logInWithProvider(slug, identity, email.get(), clientAddress);
  }

  private boolean accepted(String slug, String token, ProviderIdentity identity, String email) {
    try {
      invitations.acceptWithProvider(slug, token, identity, email);
      return true;
    } catch (InvalidLinkException | ConflictException refused) {
      return false;
    } catch (EJBException e) {
      if (e.getCause() instanceof InvalidLinkException
          || e.getCause() instanceof ConflictException) {
        return false;
      }
      throw e;
    }
  }

  private Optional<TenantSso> enabledSso(String tenantSlug) {
    return tenants
        .findBySlug(tenantSlug)
        .filter(TenantView::admitsLogins)
        .flatMap(t -> store.find(t.id()))
        .filter(TenantSso::isEnabled);
  }
}
