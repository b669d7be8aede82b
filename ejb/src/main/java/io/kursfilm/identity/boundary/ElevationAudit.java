package io.kursfilm.identity.boundary;

import io.kursfilm.audit.boundary.Action;
import io.kursfilm.audit.boundary.AuditEvent;
import io.kursfilm.audit.boundary.AuditLog;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

/**
 * The one place every action a platform operator takes while elevated into a tenant passes through.
 * It lands in that tenant's audit chain, so the tenant's admins see it; only ids and the request
 * line are recorded, never personal data.
 */
@Dependent
public class ElevationAudit {

  @Inject AuditLog audit;

  /** An operator was elevated into {@code tenantId} for a stated reason (kept in the ledger). */
  public void elevationGranted(String elevationId, String operatorId, String tenantId) {
    audit.record(
        AuditEvent.of(Action.ELEVATION_REQUESTED)
            .tenant(tenantId, null)
            .actor(operatorId)
            .subject("elevation", elevationId));
  }

  /**
   * One request an elevated operator made in {@code tenantId}, e.g. {@code "GET /api/v1/users"}.
   */
  public void elevatedAction(
      String elevationId, String operatorId, String tenantId, String action) {
    AuditEvent event =
        AuditEvent.of(Action.ELEVATED_ACTION)
            .tenant(tenantId, null)
            .actor(operatorId)
            .subject("elevation", elevationId);
    String[] parts = action.split(" ", 2);
    event.detail("method", parts[0]);
    if (parts.length > 1) {
      String path = parts[1].replaceAll("[^A-Za-z0-9._:-]", ":");
      event.detail("path", path.substring(0, Math.min(100, path.length())));
    }
    audit.record(event);
  }
}
