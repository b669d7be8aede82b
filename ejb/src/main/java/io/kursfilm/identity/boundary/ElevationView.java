package io.kursfilm.identity.boundary;

import io.kursfilm.identity.entity.Elevation;
import java.time.Instant;

/**
 * What tenant admins and operators see of an elevation: who (operator's user id, no personal data),
 * where, why, from when until when, and whether it is in force now.
 */
public record ElevationView(
    String id,
    String tenant,
    String operator,
    String reason,
    Instant startsAt,
    Instant expiresAt,
    boolean active) {

  static ElevationView of(Elevation e, String tenantSlug, Instant now) {
    return new ElevationView(
        e.id(),
        tenantSlug,
        e.operatorId(),
        e.reason(),
        e.startsAt(),
        e.expiresAt(),
        e.isActiveAt(now));
  }
}
