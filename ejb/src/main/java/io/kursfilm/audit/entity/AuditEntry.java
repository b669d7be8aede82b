package io.kursfilm.audit.entity;

import io.kursfilm.audit.boundary.AuditEvent;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

/**
 * One link of an audit chain. Immutable once built: there are no setters, the hash covers every
 * column, and the log is only ever appended to. Not {@code @Multitenant}: platform operators read
 * across tenants, so the tenant criterion is applied explicitly in {@code AuditQuery}, the one
 * place that reads entries for callers. Never cached, so verification always sees the database.
 */
@Entity
@Table(name = "audit_entry")
@Cacheable(false)
@NamedQuery(
    name = AuditEntry.CHAIN_FROM,
    query =
        "select e from AuditEntry e where e.chainId = :chain and e.sequence > :after"
            + " order by e.sequence")
@NamedQuery(
    name = AuditEntry.AT_SEQUENCE,
    query = "select e from AuditEntry e where e.chainId = :chain and e.sequence = :sequence")
public class AuditEntry {

  public static final String CHAIN_FROM = "AuditEntry.chainFrom";
  public static final String AT_SEQUENCE = "AuditEntry.atSequence";

  /** Chain of the platform's own events (tenant creation and shredding, unknown companies). */
  public static final String PLATFORM_CHAIN = "platform";

  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "chain_id")
  private String chainId;

  @Column(name = "seq")
  private long sequence;

  @Column(name = "tenant_id")
  private String tenantId;

  @Column(name = "occurred_at")
  @Convert(converter = UtcDateTimeConverter.class)
  private Instant occurredAt;

  @Column(name = "actor_id")
  private String actorId;

  private String action;

  @Column(name = "subject_type")
  private String subjectType;

  @Column(name = "subject_id")
  private String subjectId;

  private String details;

  @Column(name = "prev_hash")
  private String previousHash;

  private String hash;

  protected AuditEntry() {}

  /** The next link after a chain head with {@code previousHash} at {@code sequence - 1}. */
  public AuditEntry(
      AuditEvent event,
      String tenantId,
      String actorId,
      long sequence,
      String previousHash,
      Instant now) {
    this.id = UUID.randomUUID().toString();
    this.tenantId = tenantId;
    this.chainId = chainOf(tenantId);
    this.sequence = sequence;
    // Truncated to what DATETIME(6) keeps, so the hash matches the stored row.
    this.occurredAt = now.truncatedTo(ChronoUnit.MICROS);
    this.actorId = actorId;
    this.action = event.action().name();
    this.subjectType = event.subjectType();
    this.subjectId = event.subjectId();
    this.details = AuditHash.details(event.details());
    this.previousHash = previousHash;
    this.hash = computeHash();
  }

  public static String chainOf(String tenantId) {
    return tenantId == null ? PLATFORM_CHAIN : tenantId;
  }

  /** The hash this entry's content and previous hash call for, to compare with {@link #hash()}. */
  public String computeHash() {
    return AuditHash.of(
        chainId,
        sequence,
        tenantId,
        epochMicros(occurredAt),
        actorId,
        action,
        subjectType,
        subjectId,
        details,
        previousHash);
  }

  static long epochMicros(Instant t) {
    return ChronoUnit.MICROS.between(Instant.EPOCH, t);
  }

  public String id() {
    return id;
  }

  public String chainId() {
    return chainId;
  }

  public long sequence() {
    return sequence;
  }

  public String tenantId() {
    return tenantId;
  }

  public Instant occurredAt() {
    return occurredAt;
  }

  public String actorId() {
    return actorId;
  }

  public String action() {
    return action;
  }

  public String subjectType() {
    return subjectType;
  }

  public String subjectId() {
    return subjectId;
  }

  public Map<String, String> details() {
    return AuditHash.parseDetails(details);
  }

  public String previousHash() {
    return previousHash;
  }

  public String hash() {
    return hash;
  }
}
