package io.kursfilm.offboarding.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * An expiring download link of one export, issued to one tenant admin: only the SHA-256 of its
 * random token is kept. Platform bookkeeping like {@link Offboarding} (ids and times only).
 */
@Entity
@Table(name = "offboarding_link")
@NamedQuery(
    name = ExportLink.BY_TOKEN_HASH,
    query = "select l from ExportLink l where l.tokenHash = :hash")
@NamedQuery(
    name = ExportLink.DELETE_EXPIRED,
    query = "delete from ExportLink l where l.expiresAt < :now")
public class ExportLink {

  public static final String BY_TOKEN_HASH = "ExportLink.byTokenHash";
  public static final String DELETE_EXPIRED = "ExportLink.deleteExpired";

  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "offboarding_id")
  private String offboardingId;

  @Column(name = "tenant_id")
  private String tenantId;

  @Column(name = "token_hash")
  private String tokenHash;

  @Column(name = "issued_to")
  private String issuedTo;

  @Column(name = "created_at")
  private Instant createdAt;

  @Column(name = "expires_at")
  private Instant expiresAt;

  protected ExportLink() {}

  public ExportLink(
      Offboarding offboarding, String tokenHash, String issuedTo, Instant now, Instant expiresAt) {
    this.id = UUID.randomUUID().toString();
    this.offboardingId = offboarding.id();
    this.tenantId = offboarding.tenantId();
    this.tokenHash = tokenHash;
    this.issuedTo = issuedTo;
    this.createdAt = now;
    this.expiresAt = expiresAt;
  }

  /** Whether the link opens the export of {@code offboardingId} at {@code now}. */
  public boolean opens(String offboardingId, Instant now) {
    return this.offboardingId.equals(offboardingId) && now.isBefore(expiresAt);
  }

  public String id() {
    return id;
  }

  public String tenantId() {
    return tenantId;
  }

  public Instant expiresAt() {
    return expiresAt;
  }
}
