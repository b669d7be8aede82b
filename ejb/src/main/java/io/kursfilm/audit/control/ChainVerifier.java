package io.kursfilm.audit.control;

import io.kursfilm.audit.entity.AuditEntry;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Verifies chains against themselves, their head row and their latest signed checkpoint, and writes
 * new checkpoints for chains that verify. Reads in pages and clears the persistence context between
 * them, so a long chain does not pile up in memory.
 */
@Dependent
public class ChainVerifier {

  private static final Logger LOG = Logger.getLogger(ChainVerifier.class.getName());
  private static final int PAGE = 1000;

  @PersistenceContext(unitName = "kursfilm")
  EntityManager em;

  @Inject Checkpoints checkpoints;
  @Inject Clock clock;

  /** Ids of every chain that has entries. */
  @SuppressWarnings("unchecked")
  public List<String> chains() {
    return nativeQuery("SELECT chain_id FROM audit_chain ORDER BY chain_id").getResultList();
  }

  public ChainReport verify(String chain) {
    ChainWalk walk = walk(chain);
    head(chain).ifPresent(h -> walk.head(((Number) h[0]).longValue(), (String) h[1]));
    Optional<Checkpoint> checkpoint = checkpoints.latest(chain);
    checkpoint.ifPresent(
        c -> {
          if (!chain.equals(c.chain()) || !checkpoints.authentic(c)) {
            walk.badCheckpoint(c.sequence());
          } else {
            walk.checkpoint(c.sequence(), c.hash(), hashAt(chain, c.sequence()));
          }
        });
    return walk.report(chain, checkpoint.map(Checkpoint::sequence).orElse(null));
  }

  /**
   * Signs the current end of {@code chain} if it verifies and moved since the last checkpoint; a
   * broken chain is never anchored (that would bless the tampering).
   */
  public Optional<Checkpoint> checkpoint(String chain) {
    ChainReport report = verify(chain);
    if (!report.valid()) {
      LOG.warning(() -> "audit chain " + chain + " broken at " + report.firstBrokenSequence());
      return Optional.empty();
    }
    ChainWalk walk = walk(chain);
    if (walk.lastSequence() == 0
        || report.checkpointSequence() != null
            && report.checkpointSequence() == walk.lastSequence()) {
      return Optional.empty();
    }
    return Optional.of(
        checkpoints.write(chain, walk.lastSequence(), walk.lastHash(), clock.instant()));
  }

  private ChainWalk walk(String chain) {
    ChainWalk walk = new ChainWalk();
    long after = 0;
    while (true) {
      List<AuditEntry> page =
          em.createNamedQuery(AuditEntry.CHAIN_FROM, AuditEntry.class)
              .setParameter("chain", chain)
              .setParameter("after", after)
              .setMaxResults(PAGE)
              .getResultList();
      for (AuditEntry entry : page) {
        if (!walk.accept(entry)) {
          return walk;
        }
        after = entry.sequence();
      }
      em.clear();
      if (page.size() < PAGE) {
        return walk;
      }
    }
  }

  private Optional<Object[]> head(String chain) {
    return nativeQuery("SELECT last_seq, last_hash FROM audit_chain WHERE chain_id = ?")
        .setParameter(1, chain)
        .getResultStream()
        .findFirst()
        .map(Object[].class::cast);
  }

  private String hashAt(String chain, long sequence) {
    return em.createNamedQuery(AuditEntry.AT_SEQUENCE, AuditEntry.class)
        .setParameter("chain", chain)
        .setParameter("sequence", sequence)
        .getResultStream()
        .findFirst()
        .map(AuditEntry::hash)
        .orElse(null);
  }

  /**
   * EclipseLink disables native SQL once any entity is {@code @Multitenant}, since it bypasses the
   * tenant filter. The audit tables are not tenant-owned, so it is allowed here, per query.
   */
  private jakarta.persistence.Query nativeQuery(String sql) {
    return em.createNativeQuery(sql).setHint("eclipselink.jdbc.allow-native-sql-query", true);
  }
}
