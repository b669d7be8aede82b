package io.kursfilm.identity.boundary;

/**
 * What a tenant admin sets. {@code clientSecret} null or blank keeps the stored secret (it is never
 * shown, so a form cannot send it back); the first save needs one.
 */
public record SsoSettingsUpdate(
    Boolean enabled,
    String issuer,
    String clientId,
    String clientSecret,
    Boolean passwordLoginDisabled,
    Boolean trustProviderEmail) {

  @Override
  public String toString() {
    return "SsoSettingsUpdate[secret hidden]";
  }
}
