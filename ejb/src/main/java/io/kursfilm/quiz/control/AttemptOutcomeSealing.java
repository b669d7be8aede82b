package io.kursfilm.quiz.control;

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
 * Seals, at every start and in the background, the score and passed of attempts submitted before
 * V27 into their sealed outcome and clears the plaintext columns, tenant by tenant: a migration has
 * no tenant keys. Safe to run again and on several nodes: only rows with a plaintext score are
 * picked; until then such a row reads as it is.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AttemptOutcomeSealing {

  private static final Logger LOG = Logger.getLogger(AttemptOutcomeSealing.class.getName());

  @Resource ManagedExecutorService executor;
  @Inject TenantDirectory tenants;
  @Inject AttemptOutcomeSealer sealer;

  @PostConstruct
  void start() {
    executor.execute(this::sealAll);
  }

  /** Seals every active tenant's remaining plaintext outcomes; returns how many it sealed. */
  public int sealAll() {
    List<String> active =
        tenants.all().stream().filter(TenantView::isActive).map(TenantView::id).toList();
    return PlaintextBackfill.run("quiz attempt outcomes", active, sealer::sealBatch, LOG);
  }
}
