package io.kursfilm.operator.control;

import io.kursfilm.audit.boundary.Action;
import io.kursfilm.audit.boundary.AuditEvent;
import io.kursfilm.audit.boundary.AuditLog;
import io.kursfilm.storage.objects.ObjectStore;
import io.kursfilm.storage.objects.ObjectSummary;
import io.kursfilm.tenant.boundary.TenantDirectory;
import io.kursfilm.tenant.boundary.TenantView;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * One pass of the orphan reconciliation over every tenant whose bucket is still in use: lists its
 * objects, reads which rows own them, deletes those {@link OrphanRule} calls orphans and reports
 * counts and bytes per kind, in the log and in the platform's audit chain. Without a transaction:
 * object stores have none, and a pass that stops half-way is finished by the next one.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Reconciler {

  private static final Logger LOG = Logger.getLogger(Reconciler.class.getName());

  @Inject TenantDirectory tenants;
  @Inject OwnedObjects owned;
  @Inject ObjectStore store;
  @Inject AuditLog audit;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "kursfilm.reconcile.grace")
  Duration grace;

  /** Runs a pass; {@code trigger} ("schedule" or "operator") goes into the report's audit entry. */
  public ReconcileReport run(String trigger) {
    Instant cutoff = clock.instant().minus(grace);
    ReconcileReport report = new ReconcileReport();
    for (TenantView tenant : tenants.all()) {
      // A shredding or shredded tenant's bucket belongs to the shred, not to us.
      if (!tenant.isActive() && !tenant.isOffboarding()) {
        continue;
      }
      try {
        reconcile(tenant.id(), cutoff, report);
      } catch (RuntimeException e) {
        report.tenantFailed();
        LOG.warning(
            () ->
                "reconciliation of tenant "
                    + tenant.id()
                    + " not completed: "
                    + e.getClass().getSimpleName());
      }
    }
    LOG.info(() -> "orphan reconciliation (" + trigger + "): " + report);
    if (report.objects() > 0 || report.failedTenants() > 0 || "operator".equals(trigger)) {
      audit.record(event(trigger, report));
    }
    return report;
  }

  private void reconcile(String tenantId, Instant cutoff, ReconcileReport report) {
    List<ObjectSummary> objects = new ArrayList<>(store.list(tenantId, OrphanRule.VIDEOS));
    objects.addAll(store.list(tenantId, OrphanRule.EXPORTS));
    // Owners are read after the listing, so a row committed meanwhile still protects its objects.
    Owners owners = owned.of(tenantId);
    List<String> doomed = new ArrayList<>();
    List<ObjectSummary> counted = new ArrayList<>();
    List<OrphanKind> kinds = new ArrayList<>();
    for (ObjectSummary o : objects) {
      Optional<OrphanKind> kind = OrphanRule.judge(o, owners, cutoff);
      if (kind.isPresent()) {
        doomed.add(o.key());
        counted.add(o);
        kinds.add(kind.get());
      }
    }
    if (!doomed.isEmpty()) {
      store.deleteAll(tenantId, doomed);
      for (int i = 0; i < counted.size(); i++) {
        report.removed(kinds.get(i), counted.get(i).size());
      }
    }
    report.tenantPassed(objects.size());
  }

  private static AuditEvent event(String trigger, ReconcileReport report) {
    AuditEvent event =
        AuditEvent.of(Action.ORPHANS_RECONCILED)
            .platform()
            .detail("trigger", trigger)
            .detail("tenants", report.tenants())
            .detail("scanned", report.scanned())
            .detail("objects", report.objects())
            .detail("bytes", report.bytes())
            .detail("failed", report.failedTenants());
    for (OrphanKind kind : OrphanKind.values()) {
      if (report.objects(kind) > 0) {
        String name = kind.name().toLowerCase(java.util.Locale.ROOT);
        event
            .detail(name + ".objects", report.objects(kind))
            .detail(name + ".bytes", report.bytes(kind));
      }
    }
    return event;
  }
}
