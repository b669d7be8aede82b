package io.kursfilm.identity.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A bearer token handed out by {@code POST /api/v1/sessions}, stored only as its SHA-256 hash. Not
 * tenant-filtered because it is looked up before the tenant is known; it names its tenant.
 */
@Entity
@Table(name = "api_session")
@NamedQuery(
    name = ApiSession.DELETE_EXPIRED,
    query = "delete from ApiSession s where s.expiresAt < :now")
@NamedQuery(
    name = ApiSession.DELETE_BY_USER,
    query = "delete from ApiSession s where s.userId = :userId")
@NamedQuery(
    name = ApiSession.DELETE_BY_USERS,
    query = "delete from ApiSession s where s.userId in :userIds")
public class ApiSession {

  public static final String DELETE_EXPIRED = "ApiSession.deleteExpired";
  public static final String DELETE_BY_USER = "ApiSession.deleteByUser";
  public static final String DELETE_BY_USERS = "ApiSession.deleteByUsers";

  @Id
  @Column(name = "token_hash", length = 64)
  private String tokenHash;

  @Column(name = "tenant_id")
  private String tenantId;

  @Column(name = "user_id")
  private String userId;

  @Column(name = "created_at")
  private Instant createdAt;

  @Column(name = "expires_at")
  private Instant expiresAt;

  protected ApiSession() {}

  public ApiSession(
      String tokenHash, String tenantId, String userId, Instant now, Instant expires) {
    this.tokenHash = tokenHash;
    this.tenantId = tenantId;
    this.userId = userId;
    this.createdAt = now;
    this.expiresAt = expires;
  }

  public boolean isValidAt(Instant now) {
    return now.isBefore(expiresAt);
  }

  public Instant expiresAt() {
    return expiresAt;
  }

  public String tenantId() {
    return tenantId;
  }

  public String userId() {
    return userId;
  }
}
