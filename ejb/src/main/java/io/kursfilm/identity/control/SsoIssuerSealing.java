package io.kursfilm.identity.control;

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
 * Seals, at every start and in the background, the SSO issuers and client ids still in clear
 * (written before V17), tenant by tenant: a migration has no tenant keys. Safe to run again and on
 * several nodes: only unsealed rows are picked, and a row that loses a race to another node is left
 * to it (or the next start).
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SsoIssuerSealing {

  private static final Logger LOG = Logger.getLogger(SsoIssuerSealing.class.getName());

  @Resource ManagedExecutorService executor;
  @Inject TenantDirectory tenants;
  @Inject SsoIssuerSealer sealer;

  @PostConstruct
  void start() {
    executor.execute(this::sealAll);
  }

  /** Seals every active tenant's remaining plaintext rows; returns how many it sealed. */
  public int sealAll() {
    List<String> active =
        tenants.all().stream().filter(TenantView::isActive).map(TenantView::id).toList();
    return PlaintextBackfill.run("SSO issuers and client ids", active, sealer::sealBatch, LOG);
  }
}
