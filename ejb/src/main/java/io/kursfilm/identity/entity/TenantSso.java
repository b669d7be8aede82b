package io.kursfilm.identity.entity;

import io.kursfilm.kernel.PersonalData;
import io.kursfilm.storage.field.FieldCipher;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.net.URI;
import java.time.Instant;

/**
 * A tenant's single sign-on through its own OpenID Connect provider. Keyed by the tenant and read
 * before anybody is logged in, so not tenant-filtered: it is only ever found by the id of the
 * tenant in question. The client secret is held sealed; the control that knows the tenant key seals
 * and opens it. Issuer and client id name the customer's identity provider: sealed under the
 * tenant's key and bound to this row before it is written, opened after it is loaded (nothing
 * queries them; comparisons are made on the opened values). Rows written before V17 read as they
 * are until the start-up sealing seals them.
 */
@Entity
@Table(name = "tenant_sso")
public class TenantSso {

  @Id
  @Column(name = "tenant_id", length = 36)
  private String tenantId;

  private static final String TABLE = "tenant_sso";
  private static final String ISSUER_FIELD = "issuer";
  private static final String CLIENT_ID_FIELD = "client_id";

  @Column(name = "issuer")
  private String issuerSealed;

  @Column(name = "client_id")
  private String clientIdSealed;

  @Transient private String issuer;
  @Transient private String clientId;

  /** Whether the sealed columns hold the current values, bound to this row. */
  @Transient private boolean sealed;

  @Column(name = "client_secret_sealed")
  private String clientSecretSealed;

  private boolean enabled;

  @Column(name = "password_login_disabled")
  private boolean passwordLoginDisabled;

  @Column(name = "trust_provider_email")
  private boolean trustProviderEmail;

  @Column(name = "updated_at")
  private Instant updatedAt;

  @Column(name = "updated_by")
  private String updatedBy;

  @Version private long version;

  protected TenantSso() {}

  public TenantSso(String tenantId) {
    this.tenantId = tenantId;
  }

  /**
   * Sets the provider and the switches. Password login can only be switched off while SSO is on, or
   * nobody of the tenant could log in at all.
   *
   * @param sealedSecret the new sealed client secret, or null to keep the current one
   */
  public void configure(
      String issuer,
      String clientId,
      String sealedSecret,
      boolean enabled,
      boolean passwordLoginDisabled,
      boolean trustProviderEmail,
      String adminId,
      Instant now) {
    this.issuer = normaliseIssuer(issuer);
    if (clientId == null || clientId.isBlank() || clientId.length() > 255) {
      throw new IllegalArgumentException("clientId: 1-255 characters required");
    }
    if (sealedSecret == null && clientSecretSealed == null) {
      throw new IllegalArgumentException("clientSecret required");
    }
    if (passwordLoginDisabled && !enabled) {
      throw new IllegalArgumentException(
          "passwordLoginDisabled needs SSO enabled, or nobody could log in");
    }
    this.clientId = clientId.strip();
    if (sealedSecret != null) {
      this.clientSecretSealed = sealedSecret;
    }
    this.enabled = enabled;
    this.passwordLoginDisabled = passwordLoginDisabled;
    this.trustProviderEmail = trustProviderEmail;
    this.updatedBy = adminId;
    this.updatedAt = now;
    this.sealed = false;
  }

  /** Seals issuer and client id when they are not the current values bound to this row. */
  @PrePersist
  @PreUpdate
  void seal() {
    if (!sealed) {
      sealPlaintext();
    }
  }

  /**
   * Seals issuer and client id to this row now. The start-up sealing calls it on rows written in
   * clear before V17; it changes the columns, so the row is written even if nothing else changed.
   */
  public void sealPlaintext() {
    FieldCipher.Row row = row();
    issuerSealed = PersonalData.sealFor(tenantId, ISSUER_FIELD, row, issuer);
    clientIdSealed = PersonalData.sealFor(tenantId, CLIENT_ID_FIELD, row, clientId);
    sealed = true;
  }

  /** Whether issuer and client id are sealed to this row (false: written in clear before V17). */
  public boolean isSealed() {
    return FieldCipher.isRowBound(issuerSealed) && FieldCipher.isRowBound(clientIdSealed);
  }

  @PostLoad
  void open() {
    FieldCipher.Row row = row();
    issuer = openOrPlain(ISSUER_FIELD, row, issuerSealed);
    clientId = openOrPlain(CLIENT_ID_FIELD, row, clientIdSealed);
    sealed = isSealed();
  }

  private String openOrPlain(String field, FieldCipher.Row row, String stored) {
    return FieldCipher.isSealed(stored)
        ? PersonalData.openFor(tenantId, field, row, stored)
        : stored;
  }

  private FieldCipher.Row row() {
    return new FieldCipher.Row(TABLE, tenantId);
  }

  /**
   * Whether these settings would only fall back towards passwords: the same provider and client,
   * the stored secret, and no switch turned on (SSO may go off, password login back on, trust in
   * the provider's addresses off). The one change an elevated platform operator may make: the
   * rescue when a tenant's provider breaks, which cannot send anybody's sign-in elsewhere.
   */
  public boolean isFallbackOnly(
      String issuer,
      String clientId,
      boolean newSecret,
      boolean enabled,
      boolean passwordLoginDisabled,
      boolean trustProviderEmail) {
    return this.issuer != null
        && this.issuer.equals(issuer)
        && clientId != null
        && clientId.strip().equals(this.clientId)
        && !newSecret
        && (!enabled || this.enabled)
        && (!passwordLoginDisabled || this.passwordLoginDisabled)
        && (!trustProviderEmail || this.trustProviderEmail);
  }

  /** An absolute http(s) URL without query or fragment; a trailing slash is dropped. */
  public static String normaliseIssuer(String issuer) {
    if (issuer == null || issuer.isBlank() || issuer.length() > 500) {
      throw new IllegalArgumentException("issuer: an https URL of at most 500 characters required");
    }
    String value = issuer.strip();
    URI uri;
    try {
      uri = new URI(value);
    } catch (java.net.URISyntaxException e) {
      throw new IllegalArgumentException("issuer: not a URL");
    }
    String scheme = uri.getScheme();
    if (!("https".equals(scheme) || "http".equals(scheme))
        || uri.getHost() == null
        || uri.getRawQuery() != null
        || uri.getRawFragment() != null
        || uri.getRawUserInfo() != null) {
      throw new IllegalArgumentException("issuer: an https URL without query or fragment required");
    }
    return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
  }

  /** Whether people of the tenant are offered sign-in through the provider. */
  public boolean isEnabled() {
    return enabled;
  }

  /** Password login is refused for this tenant (only while SSO is enabled). */
  public boolean refusesPasswords() {
    return enabled && passwordLoginDisabled;
  }

  public String tenantId() {
    return tenantId;
  }

  public String issuer() {
    return issuer;
  }

  public String clientId() {
    return clientId;
  }

  public String clientSecretSealed() {
    return clientSecretSealed;
  }

  public boolean passwordLoginDisabled() {
    return passwordLoginDisabled;
  }

  public boolean trustProviderEmail() {
    return trustProviderEmail;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  /** Changes with every save: caches of the provider's metadata are keyed by it. */
  public long version() {
    return version;
  }
}
