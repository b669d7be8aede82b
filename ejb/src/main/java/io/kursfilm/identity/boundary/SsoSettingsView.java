package io.kursfilm.identity.boundary;

import io.kursfilm.identity.entity.TenantSso;
import java.net.URI;
import java.time.Instant;

/**
 * A tenant's SSO settings as its admins see them. The client secret is write-only: only whether one
 * is set. {@code redirectUri} is what to register at the provider.
 */
public record SsoSettingsView(
    boolean enabled,
    String issuer,
    String clientId,
    boolean clientSecretSet,
    boolean passwordLoginDisabled,
    boolean trustProviderEmail,
    String redirectUri,
    Instant updatedAt) {

  static SsoSettingsView of(TenantSso sso, URI redirectUri) {
    return new SsoSettingsView(
        sso.isEnabled(),
        sso.issuer(),
        sso.clientId(),
        sso.clientSecretSealed() != null,
        sso.passwordLoginDisabled(),
        sso.trustProviderEmail(),
        redirectUri.toString(),
        sso.updatedAt());
  }

  static SsoSettingsView none(URI redirectUri) {
    return new SsoSettingsView(
        false, null, null, false, false, false, redirectUri.toString(), null);
  }
}
