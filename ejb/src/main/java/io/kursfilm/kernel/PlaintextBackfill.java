package io.kursfilm.kernel;

import java.util.Collection;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Seals, tenant by tenant and in batches, rows written in clear before a column was sealed: the
 * start-up step every component with such rows runs (a migration has no tenant keys). A tenant that
 * fails is logged by id and left for the next start; the others go on.
 */
public final class PlaintextBackfill {

  /** How many rows one transaction seals. */
  public static final int BATCH = 200;

  /** Seals up to {@code limit} rows of the tenant in its own transaction; returns how many. */
  @FunctionalInterface
  public interface Batch {
    int seal(String tenantId, int limit);
  }

  private PlaintextBackfill() {}

  /** Runs {@code batch} until a short one for each tenant; returns the rows sealed in all. */
  public static int run(String what, Collection<String> tenantIds, Batch batch, Logger log) {
    int total = 0;
    for (String tenantId : tenantIds) {
      try {
        int round;
        do {
          round = batch.seal(tenantId, BATCH);
          total += round;
        } while (round >= BATCH); // a short batch was the last
      } catch (RuntimeException e) {
        // Ids only: the next start tries again.
        log.log(
            Level.WARNING,
            "sealing {0} of tenant {1} stopped: {2}",
            new Object[] {what, tenantId, e.toString()});
      }
    }
    int sealed = total;
    if (sealed > 0) {
      log.info(() -> sealed + " " + what + " sealed");
    }
    return sealed;
  }
}
