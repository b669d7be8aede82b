package io.kursfilm.tenant.control;

import io.kursfilm.kernel.PlaintextBackfill;
import io.kursfilm.tenant.entity.Tenant;
import io.kursfilm.tenant.entity.TenantState;
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
 * Seals, at every start and in the background, the slugs and names of tenants still in clear
 * (written before V17) and gives every tenant whose slug opens its slug index (missing before V17,
 * or stale after the directory key was replaced). A migration cannot do it: it has neither the
 * tenant keys nor the directory key. Until a tenant is indexed it is found by its plaintext slug.
 * Safe to run again and on several nodes: a row already sealed and indexed is not written, and a
 * node that loses the race for a row (optimistic lock) leaves it to the other.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TenantDirectorySealing {

  private static final Logger LOG = Logger.getLogger(TenantDirectorySealing.class.getName());

  @Resource ManagedExecutorService executor;
  @Inject TenantRegistry registry;
  @Inject TenantDirectorySealer sealer;

  @PostConstruct
  void start() {
    executor.execute(this::sealAll);
  }

  /** Seals and indexes every tenant that is not shredded; returns how many rows it changed. */
  public int sealAll() {
    List<String> open =
        registry.all().stream()
            .filter(t -> t.state() != TenantState.SHREDDED)
            .map(Tenant::id)
            .toList();
    return PlaintextBackfill.run("tenant slugs and names", open, sealer::seal, LOG);
  }
}
