package io.kursfilm.identity.entity;

import io.kursfilm.kernel.FreeText;
import io.kursfilm.kernel.PersonalData;
import io.kursfilm.storage.field.FieldCipher;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A platform operator's time-bound access to one tenant with tenant-admin rights. It lapses by
 * itself at {@link #expiresAt()}; nothing has to revoke it. Platform data, not tenant-filtered:
 * every query names the tenant or the operator explicitly. The reason is the tenant's business:
 * sealed under that tenant's key and bound to this row, so it is unreadable in dumps and gone with
 * a shred.
 */
@Entity
@Table(name = "elevation")
@NamedQuery(
    name = Elevation.FIND_BY_TENANT,
    query = "select e from Elevation e where e.tenantId = :tenantId order by e.startsAt desc")
@NamedQuery(
    name = Elevation.FIND_BY_OPERATOR,
    query = "select e from Elevation e where e.operatorId = :operatorId order by e.startsAt desc")
@NamedQuery(
    name = Elevation.FIND_ACTIVE,
    query =
        "select e from Elevation e where e.operatorId = :operatorId and e.tenantId = :tenantId"
            + " and e.startsAt <= :now and e.expiresAt > :now order by e.expiresAt desc")
@NamedQuery(
    name = Elevation.PLAINTEXT_REASONS,
    query = "select e from Elevation e where e.reasonSealed not like 'f2:%'")
public class Elevation {

  public static final String FIND_BY_TENANT = "Elevation.findByTenant";
  public static final String FIND_BY_OPERATOR = "Elevation.findByOperator";
  public static final String FIND_ACTIVE = "Elevation.findActive";

  /** Elevations whose reason is not sealed to its row yet (written before V16). */
  public static final String PLAINTEXT_REASONS = "Elevation.plaintextReasons";

  private static final String TABLE = "elevation";
  private static final String REASON_FIELD = "reason";

  public static final int REASON_MIN = 10;
  public static final int REASON_MAX = 500;

  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "tenant_id")
  private String tenantId;

  @Column(name = "operator_id")
  private String operatorId;

  @Column(name = "reason")
  private String reasonSealed;

  @Transient private String reason;

  @Column(name = "starts_at")
  private Instant startsAt;

  @Column(name = "expires_at")
  private Instant expiresAt;

  protected Elevation() {}

  /** Grants {@code operatorId} access to {@code tenantId} from {@code now} for {@code duration}. */
  public Elevation(
      String tenantId, String operatorId, String reason, Instant now, Duration duration) {
    String why = reason == null ? "" : reason.strip();
    if (why.length() < REASON_MIN || why.length() > REASON_MAX) {
      throw new IllegalArgumentException(
          "reason of " + REASON_MIN + "-" + REASON_MAX + " characters required");
    }
    FreeText.line("reason", why);
    this.id = UUID.randomUUID().toString();
    this.tenantId = tenantId;
    this.operatorId = operatorId;
    this.reason = why;
    this.startsAt = now;
    this.expiresAt = now.plus(duration);
  }

  /** Written once, never changed: sealed for the tenant it opens. */
  @PrePersist
  void sealReason() {
    sealPlaintext();
  }

  /** Seals the reason to this row now; the start-up sealing calls it on rows of before V16. */
  public void sealPlaintext() {
    reasonSealed = PersonalData.sealFor(tenantId, REASON_FIELD, row(), reason);
  }

  @PostLoad
  void openReason() {
    reason =
        FieldCipher.isSealed(reasonSealed)
            ? PersonalData.openFor(tenantId, REASON_FIELD, row(), reasonSealed)
            : reasonSealed;
  }

  private FieldCipher.Row row() {
    return new FieldCipher.Row(TABLE, id);
  }

  public boolean isActiveAt(Instant now) {
    return !now.isBefore(startsAt) && now.isBefore(expiresAt);
  }

  public String id() {
    return id;
  }

  public String tenantId() {
    return tenantId;
  }

  public String operatorId() {
    return operatorId;
  }

  public String reason() {
    return reason;
  }

  public Instant startsAt() {
    return startsAt;
  }

  public Instant expiresAt() {
    return expiresAt;
  }
}
