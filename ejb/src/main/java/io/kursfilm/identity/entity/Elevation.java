package io.kursfilm.identity.entity;

import io.kursfilm.kernel.FreeText;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A platform operator's time-bound access to one tenant with tenant-admin rights. It lapses by
 * itself at {@link #expiresAt()}; nothing has to revoke it. Platform data, not tenant-filtered:
 * every query names the tenant or the operator explicitly.
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
public class Elevation {

  public static final String FIND_BY_TENANT = "Elevation.findByTenant";
  public static final String FIND_BY_OPERATOR = "Elevation.findByOperator";
  public static final String FIND_ACTIVE = "Elevation.findActive";

  public static final int REASON_MIN = 10;
  public static final int REASON_MAX = 500;

  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "tenant_id")
  private String tenantId;

  @Column(name = "operator_id")
  private String operatorId;

  private String reason;

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
