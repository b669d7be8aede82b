package io.kursfilm.audit.boundary;

import io.kursfilm.kernel.TenantSlugs;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * An event to record, built fluently by the component where it happens: {@code
 * AuditEvent.of(Action.EXPORT).subject("video", id).detail("count", n)}. Tenant and actor default
 * to the authenticated caller's. Details take ids and counts only: the allowed alphabet has no room
 * for an e-mail address or a name, so personal data cannot slip into the log by accident.
 */
public final class AuditEvent {

  /** Keys and values of details: ids (UUIDs, key ids), counts, enum names. No '@', no spaces. */
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

  private static final int MAX_DETAILS = 20;

  private final Action action;
  private String tenantId;
  private boolean tenantGiven;
  private String actorId;
  private boolean actorGiven;
  private String subjectType;
  private String subjectId;
  private final Map<String, String> details = new TreeMap<>();

  private AuditEvent(Action action) {
    this.action = Objects.requireNonNull(action, "action");
  }

  public static AuditEvent of(Action action) {
    return new AuditEvent(action);
  }

  /**
   * A login attempt in a tenant (empty when the company is unknown: recorded on the platform
   * chain). A failed attempt names the user only by id, and only when the account exists.
   */
  public static AuditEvent login(
      boolean succeeded, String tenantId, String tenantSlug, String userId) {
    AuditEvent event =
        of(succeeded ? Action.LOGIN : Action.LOGIN_FAILED).tenant(tenantId, tenantSlug);
    event.actor(succeeded ? userId : null);
    return userId == null ? event : event.subject("user", userId);
  }

  /** The event belongs to this tenant's chain; the platform tenant maps to the platform chain. */
  public AuditEvent tenant(String id, String slug) {
    this.tenantId = tenantOf(id, slug);
    this.tenantGiven = true;
    return this;
  }

  /** The tenant id an event of this tenant is logged under: {@code null} for the platform. */
  public static String tenantOf(String id, String slug) {
    return id == null || TenantSlugs.PLATFORM.equals(slug) ? null : id;
  }

  /** The event belongs to the platform chain, whoever the caller is. */
  public AuditEvent platform() {
    return tenant(null, TenantSlugs.PLATFORM);
  }

  /** Who did it, by user id; {@code null} for the system. Defaults to the caller. */
  public AuditEvent actor(String userId) {
    this.actorId = userId;
    this.actorGiven = true;
    return this;
  }

  public AuditEvent subject(String type, String id) {
    this.subjectType = token("subject type", type);
    this.subjectId = id == null ? null : token("subject id", id);
    return this;
  }

  public AuditEvent detail(String key, Object value) {
    if (details.size() >= MAX_DETAILS) {
      throw new IllegalArgumentException("too many audit details");
    }
    details.put(token("detail key", key), token("detail value", String.valueOf(value)));
    return this;
  }

  private static String token(String what, String value) {
    if (value == null || !TOKEN.matcher(value).matches()) {
      throw new IllegalArgumentException(what + " must be an id or a count");
    }
    return value;
  }

  public Action action() {
    return action;
  }

  public boolean tenantGiven() {
    return tenantGiven;
  }

  /** The tenant chosen with {@link #tenant}; {@code null} means the platform chain. */
  public String tenantId() {
    return tenantId;
  }

  public boolean actorGiven() {
    return actorGiven;
  }

  public String actorId() {
    return actorId;
  }

  public String subjectType() {
    return subjectType;
  }

  public String subjectId() {
    return subjectId;
  }

  /** Sorted by key. */
  public Map<String, String> details() {
    return Collections.unmodifiableMap(details);
  }
}
