package io.kursfilm.identity.entity;

import io.kursfilm.kernel.Role;
import io.kursfilm.storage.field.FieldCipher;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A single-use link token (invitation or password reset), stored only as the SHA-256 hash of the
 * random token. Bound to one tenant and one address (blind index); the address itself is kept only
 * as ciphertext under the tenant key. Not tenant-filtered because the link is opened before anybody
 * is logged in; every query names the tenant explicitly.
 */
@Entity
@Table(name = AccountToken.TABLE)
@NamedQuery(
    name = AccountToken.FIND_BY_HASH,
    query = "select t from AccountToken t where t.tokenHash = :hash")
@NamedQuery(
    name = AccountToken.FIND_PENDING,
    query =
        "select t from AccountToken t where t.tenantId = :tenant and t.purpose = :purpose"
            + " and t.usedAt is null and t.expiresAt > :now order by t.expiresAt")
@NamedQuery(
    name = AccountToken.DELETE_PENDING_FOR_EMAIL,
    query =
        "delete from AccountToken t where t.tenantId = :tenant and t.purpose = :purpose"
            + " and t.emailIndex = :emailIndex and t.usedAt is null")
public class AccountToken {

  public static final String FIND_BY_HASH = "AccountToken.findByHash";
  public static final String FIND_PENDING = "AccountToken.findPending";
  public static final String DELETE_PENDING_FOR_EMAIL = "AccountToken.deletePendingForEmail";

  static final String TABLE = "account_token";

  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "token_hash", length = 64)
  private String tokenHash;

  @Column(name = "tenant_id")
  private String tenantId;

  @Enumerated(EnumType.STRING)
  private TokenPurpose purpose;

  @Column(name = "email_index")
  private String emailIndex;

  /** FieldCipher ciphertext, sealed and opened by the control that knows the tenant. */
  @Column(name = "email_sealed")
  private String emailSealed;

  @Column(name = "name_sealed")
  private String nameSealed;

  /** Invited roles, comma-separated names. */
  private String roles;

  /** The user a reset is for; null for invitations (the user is created on acceptance). */
  @Column(name = "user_id")
  private String userId;

  @Column(name = "created_at")
  private Instant createdAt;

  @Column(name = "expires_at")
  private Instant expiresAt;

  @Column(name = "used_at")
  private Instant usedAt;

  protected AccountToken() {}

  /**
   * A fresh, unused token row; all values are already hashed, indexed or sealed (the sealed ones
   * bound to {@link #row(String) this row}, hence the id chosen by the caller).
   */
  public AccountToken(
      String id,
      String tokenHash,
      String tenantId,
      TokenPurpose purpose,
      String emailIndex,
      String emailSealed,
      Instant now,
      Instant expiresAt) {
    if (!expiresAt.isAfter(now)) {
      throw new IllegalArgumentException("a token must expire after it is made");
    }
    this.id = id;
    this.tokenHash = tokenHash;
    this.tenantId = tenantId;
    this.purpose = purpose;
    this.emailIndex = emailIndex;
    this.emailSealed = emailSealed;
    this.createdAt = now;
    this.expiresAt = expiresAt;
  }

  /** What sealed columns of the token row {@code id} are bound to, besides tenant and field. */
  public static FieldCipher.Row row(String id) {
    return new FieldCipher.Row(TABLE, id);
  }

  public FieldCipher.Row row() {
    return row(id);
  }

  /** What the invitee becomes on acceptance. */
  public AccountToken invitingAs(String sealedDisplayName, Set<Role> invitedRoles) {
    if (invitedRoles.isEmpty() || invitedRoles.contains(Role.ROOT)) {
      throw new IllegalArgumentException("invite with at least one tenant role (not ROOT)");
    }
    this.nameSealed = sealedDisplayName;
    this.roles = invitedRoles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
    return this;
  }

  /** The user whose password this token may reset. */
  public AccountToken resetting(String forUserId) {
    this.userId = forUserId;
    return this;
  }

  /** Unused, not expired and made for {@code expected}. */
  public boolean isUsableFor(TokenPurpose expected, Instant now) {
    return purpose == expected && usedAt == null && now.isBefore(expiresAt);
  }

  /** Marks the token used; a second use is refused. */
  public void consume(Instant now) {
    if (usedAt != null) {
      throw new IllegalStateException("token already used");
    }
    this.usedAt = now;
  }

  public Set<Role> invitedRoles() {
    if (roles == null || roles.isBlank()) {
      return EnumSet.noneOf(Role.class);
    }
    return Arrays.stream(roles.split(","))
        .map(Role::valueOf)
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
  }

  public String id() {
    return id;
  }

  public String tenantId() {
    return tenantId;
  }

  public TokenPurpose purpose() {
    return purpose;
  }

  public String emailIndex() {
    return emailIndex;
  }

  public String emailSealed() {
    return emailSealed;
  }

  public String nameSealed() {
    return nameSealed;
  }

  public String userId() {
    return userId;
  }

  public Instant expiresAt() {
    return expiresAt;
  }

  public Instant usedAt() {
    return usedAt;
  }
}
