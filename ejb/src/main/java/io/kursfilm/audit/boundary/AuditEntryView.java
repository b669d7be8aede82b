package io.kursfilm.audit.boundary;

import io.kursfilm.audit.entity.AuditEntry;
import java.time.Instant;
import java.util.Map;

/**
 * An audit entry as callers see it: ids and counts only, like the entry itself.
 *
 * @param tenantId {@code null} for platform events
 */
public record AuditEntryView(
    String id,
    String tenantId,
    String chain,
    long sequence,
    Instant time,
    String actorId,
    String action,
    String subjectType,
    String subjectId,
    Map<String, String> details) {

  static AuditEntryView of(AuditEntry e) {
    return new AuditEntryView(
        e.id(),
        e.tenantId(),
        e.chainId(),
        e.sequence(),
        e.occurredAt(),
        e.actorId(),
        e.action(),
        e.subjectType(),
        e.subjectId(),
        e.details());
  }
}
