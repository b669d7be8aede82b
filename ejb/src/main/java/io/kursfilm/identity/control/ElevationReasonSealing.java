package io.kursfilm.identity.control;

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
 * Seals, at every start and in the background, the elevation reasons still in clear (written before
 * V16): a migration has no tenant keys. Safe to run again and on several nodes.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ElevationReasonSealing {

  private static final Logger LOG = Logger.getLogger(ElevationReasonSealing.class.getName());
  private static final int BATCH = 200;

  @Resource ManagedExecutorService executor;
  @Inject ElevationReasonSealer sealer;

  @PostConstruct
  void start() {
    executor.execute(this::sealAll);
  }

  public void sealAll() {
    try {
      int total = 0;
      int round;
      do {
        round = sealer.sealBatch(BATCH);
        total += round;
      } while (round == BATCH);
      int sealed = total;
      if (sealed > 0) {
        LOG.info(() -> sealed + " elevation reasons sealed");
      }
    } catch (RuntimeException e) {
      // The next start tries again.
      LOG.log(Level.WARNING, "sealing elevation reasons stopped: {0}", e.toString());
    }
  }
}
