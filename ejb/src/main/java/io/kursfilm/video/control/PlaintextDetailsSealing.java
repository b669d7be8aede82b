package io.kursfilm.video.control;

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
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Seals, at every start, the video titles, descriptions, tags and caption labels still in clear
 * (rows written before V16), tenant by tenant, in the background. A migration cannot do it: it has
 * no tenant keys. Safe to run again and on several nodes at once: only unsealed rows are picked,
 * and a batch that loses a race to another node is simply left to that node (or the next start).
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PlaintextDetailsSealing {

  private static final Logger LOG = Logger.getLogger(PlaintextDetailsSealing.class.getName());
  private static final int BATCH = 200;

  @Resource ManagedExecutorService executor;
  @Inject TenantDirectory tenants;
  @Inject DetailsSealer sealer;

  @PostConstruct
  void start() {
    executor.execute(this::sealAll);
  }

  /** Seals every tenant's remaining plaintext details; returns how many rows it sealed. */
  public int sealAll() {
    int total = 0;
    for (TenantView tenant : tenants.all()) {
      if (tenant.isActive()) {
        total += sealTenant(tenant.id());
      }
    }
    int sealed = total;
    if (sealed > 0) {
      LOG.info(() -> sealed + " video details and caption labels sealed");
    }
    return sealed;
  }

  private int sealTenant(String tenantId) {
    int done = 0;
    try {
      int round;
      do {
        round = sealer.sealBatch(tenantId, BATCH);
        done += round;
      } while (round >= BATCH); // a short batch was the last
    } catch (RuntimeException e) {
      // Ids only: the next start tries again.
      LOG.log(
          Level.WARNING,
          "sealing video details of tenant {0} stopped: {1}",
          new Object[] {tenantId, e.toString()});
    }
    return done;
  }
}
