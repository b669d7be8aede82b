package io.kursfilm.operator.boundary;

import io.kursfilm.kernel.Role;
import io.kursfilm.operator.control.OrphanKind;
import io.kursfilm.operator.control.ReconcileReport;
import io.kursfilm.operator.control.Reconciler;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The orphan reconciliation on demand, for the platform operator: the same pass the schedule runs,
 * at once, answering what it removed. Audited on the platform chain like every pass that removed
 * something.
 */
@Stateless
@RolesAllowed(Role.Names.ROOT)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Reconciliations {

  /**
   * Counts of one pass.
   *
   * @param removed per kind (lower case): objects and bytes removed
   */
  public record ReconcileView(
      int tenants,
      int failedTenants,
      long scanned,
      long objects,
      long bytes,
      Map<String, Map<String, Long>> removed) {}

  @Inject Reconciler reconciler;

  public ReconcileView run() {
    ReconcileReport report = reconciler.run("operator");
    Map<String, Map<String, Long>> removed = new LinkedHashMap<>();
    for (OrphanKind kind : OrphanKind.values()) {
      removed.put(
          kind.name().toLowerCase(Locale.ROOT),
          Map.of("objects", report.objects(kind), "bytes", report.bytes(kind)));
    }
    return new ReconcileView(
        report.tenants(),
        report.failedTenants(),
        report.scanned(),
        report.objects(),
        report.bytes(),
        removed);
  }
}
