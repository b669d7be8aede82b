package io.kursfilm.identity.control;

import jakarta.enterprise.context.Dependent;
import java.util.logging.Logger;

/**
 * The one place every action a platform operator takes while elevated into a tenant passes through.
 * Only ids and the request line are recorded, never personal data.
 */
@Dependent
public class ElevationAudit {

  private static final Logger LOG = Logger.getLogger(ElevationAudit.class.getName());

  /**
   * Records one elevated action. The audit log records it here as a security event of the tenant
   * {@code tenantId}, naming the elevation and the operator by id; until then it goes to the server
   * log.
   */
  public void elevatedAction(
      String elevationId, String operatorId, String tenantId, String action) {
    LOG.info(
        () ->
            "elevated action: elevation="
                + elevationId
                + " operator="
                + operatorId
                + " tenant="
                + tenantId
                + " action="
                + action);
  }
}
