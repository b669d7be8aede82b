package io.kursfilm.identity.boundary;

import io.kursfilm.audit.boundary.Action;
import io.kursfilm.audit.boundary.AuditEvent;
import io.kursfilm.audit.boundary.AuditLog;
import io.kursfilm.identity.control.ElevationGuard;
import io.kursfilm.identity.control.OidcClient;
import io.kursfilm.identity.control.TenantSsoStore;
import io.kursfilm.identity.entity.TenantSso;
import io.kursfilm.kernel.Caller;
import io.kursfilm.kernel.Role;
import io.kursfilm.kernel.TenantContext;
import io.kursfilm.kernel.TenantScoped;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * Tenant admins set up single sign-on for their own tenant: their OpenID Connect provider, whether
 * it is offered, whether passwords are still accepted, and whether the provider's e-mail addresses
 * are trusted without {@code email_verified}. Every change is audited (switches only, never the
 * secret).
 *
 * <p>A platform operator elevated into the tenant may only fall back towards passwords (switch SSO
 * off, passwords back on) with the provider and client left as they are: the rescue when the
 * provider breaks. Pointing the tenant's sign-in at another provider is refused, or an operator
 * could keep signing in as anybody after the elevation lapsed.
 */
@Stateless
@TenantScoped
@RolesAllowed(Role.Names.TENANT_ADMIN)
public class SsoSettings {

  @Inject TenantSsoStore store;
  @Inject OidcClient oidc;
  @Inject TenantContext tenant;
  @Inject Caller caller;
  @Inject AuditLog audit;
  @Inject Clock clock;
  @Inject ElevationGuard elevation;

  public SsoSettingsView view() {
    return store
        .find(tenant.require())
        .map(sso -> SsoSettingsView.of(sso, store.redirectUri()))
        .orElseGet(() -> SsoSettingsView.none(store.redirectUri()));
  }

  /**
   * Saves the settings. When SSO is to be enabled, the provider's discovery document must be
   * reachable and name the issuer, so a typo cannot lock the tenant out.
   */
  public SsoSettingsView update(SsoSettingsUpdate update) {
    if (update == null || update.enabled() == null) {
      throw new IllegalArgumentException("body with enabled, issuer, clientId required");
    }
    String issuer = TenantSso.normaliseIssuer(update.issuer());
    boolean enabled = update.enabled();
    String tenantId = tenant.require();
    String secret = update.clientSecret();
    boolean newSecret = secret != null && !secret.isBlank();
    if (elevation.elevated()
        && !store
            .find(tenantId)
            .map(
                sso ->
                    sso.isFallbackOnly(
                        issuer,
                        update.clientId(),
                        newSecret,
                        enabled,
                        Boolean.TRUE.equals(update.passwordLoginDisabled()),
                        Boolean.TRUE.equals(update.trustProviderEmail())))
            .orElse(false)) {
      throw new ElevationRefusedException(
          "Changing single sign-on other than switching it off or passwords back on");
    }
    if (enabled) {
      oidc.verifyIssuer(issuer);
    }
    if (newSecret && secret.length() > 1000) {
      throw new IllegalArgumentException("clientSecret: at most 1000 characters");
    }
    TenantSso sso = store.findOrNew(tenantId);
    sso.configure(
        issuer,
        update.clientId(),
        newSecret ? store.seal(tenantId, secret.strip()) : null,
        enabled,
        Boolean.TRUE.equals(update.passwordLoginDisabled()),
        Boolean.TRUE.equals(update.trustProviderEmail()),
        caller.require().userId(),
        clock.instant());
    store.save(sso);
    oidc.forget(tenantId);
    audit.recordInTransaction(
        AuditEvent.of(Action.SSO_CONFIGURED)
            .subject("tenant", tenantId)
            .detail("enabled", enabled)
            .detail("passwordLoginDisabled", sso.passwordLoginDisabled())
            .detail("trustProviderEmail", sso.trustProviderEmail())
            .detail("clientSecretChanged", newSecret));
    return SsoSettingsView.of(sso, store.redirectUri());
  }
}
