package io.kursfilm.video.control;

import io.kursfilm.kernel.PlaintextBackfill;
import io.kursfilm.tenant.boundary.TenantDirectory;
import io.kursfilm.tenant.boundary.TenantView;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Logger;

/**
 * Seals, at every start, the video titles, descriptions, tags and caption labels still in clear
 * (rows written before V16) and the media hashes transcode jobs reported in clear into the outbox
 * (before V17), tenant by tenant, in the background. A migration cannot do it: it has no tenant
 * keys. Safe to run again and on several nodes at once: only unsealed rows are picked, and a batch
 * that loses a race to another node is simply left to that node (or the next start).
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PlaintextDetailsSealing {

  private static final Logger LOG = Logger.getLogger(PlaintextDetailsSealing.class.getName());

  @Resource ManagedExecutorService executor;
  @Inject TenantDirectory tenants;
  @Inject DetailsSealer sealer;
  @Inject OutcomeHashSealer outcomeHashes;

  @PostConstruct
  void start() {
    executor.execute(this::sealAll);
  }

  /** Seals every active tenant's remaining plaintext rows; returns how many it sealed. */
  public int sealAll() {
    List<String> active =
        tenants.all().stream().filter(TenantView::isActive).map(TenantView::id).toList();
    return PlaintextBackfill.run("video details and caption labels", active, sealer::sealBatch, LOG)
        + PlaintextBackfill.run("reported media hashes", active, outcomeHashes::sealBatch, LOG);
  }
}
