package io.kursfilm.audit.control;

import io.kursfilm.audit.entity.AuditEntry;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Verifies chains against themselves, their head row and their chain of signed checkpoints, and
 * writes new checkpoints for chains that verify. Reads in pages and clears the persistence context
 * between them, so a long chain does not pile up in memory.
 */
@Dependent
public class ChainVerifier {

  private static final Logger LOG = Logger.getLogger(ChainVerifier.class.getName());
  private static final int PAGE = 1000;

  @PersistenceContext(unitName = "kursfilm")
  EntityManager em;

  @Inject Checkpoints checkpoints;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "kursfilm.audit.checkpoint-interval", defaultValue = "PT1H")
  Duration interval;

  /** Ids of every chain that has entries. */
  @SuppressWarnings("unchecked")
  public List<String> chains() {
    return nativeQuery("SELECT chain_id FROM audit_chain ORDER BY chain_id").getResultList();
  }

  public ChainReport verify(String chain) {
    return check(chain).report();
  }

  /**
   * Signs the current end of {@code chain} if it verifies and either moved since the newest
   * checkpoint or that one is half an interval old (a heartbeat, so an idle chain's newest
   * checkpoint never looks rolled back). A broken chain is never anchored: that would bless the
   * tampering.
   */
  public Optional<Checkpoint> checkpoint(String chain) {
    return checkpoint(chain, false);
  }

  /**
   * As {@link #checkpoint(String)}; with {@code acceptStale} a chain whose only problem is a stale
   * newest checkpoint is anchored anyway: an operator's decision after a crash followed by a long
   * pause, once the unanchored entries were looked into.
   */
  public Optional<Checkpoint> checkpoint(String chain, boolean acceptStale) {
    Checked checked = check(chain);
    boolean accepted = acceptStale && "checkpoint_stale".equals(checked.report().problem());
    if (!checked.report().valid() && !accepted) {
      LOG.warning(
          () ->
              "audit chain "
                  + chain
                  + " not anchored: "
                  + checked.report().problem()
                  + " at "
                  + checked.report().firstBrokenSequence());
      return Optional.empty();
    }
    ChainWalk walk = checked.walk();
    Checkpoint newest = checked.newest();
    Instant now = clock.instant();
    boolean moved = newest == null || newest.sequence() != walk.lastSequence();
    boolean aging = newest != null && !newest.time().isAfter(now.minus(interval.dividedBy(2)));
    if (walk.lastSequence() == 0 || !moved && !aging && !accepted) {
      return Optional.empty();
    }
    return Optional.of(checkpoints.write(newest, chain, walk.lastSequence(), walk.lastHash(), now));
  }

  private record Checked(ChainWalk walk, Checkpoint newest, ChainReport report) {}

  /**
   * Walks the entries, compares the head row, verifies the chain of checkpoints, matches the newest
   * against the entries and applies the freshness rule, in that order; the first problem found is
   * the one reported.
   */
  private Checked check(String chain) {
    ChainWalk walk = walk(chain);
    head(chain).ifPresent(h -> walk.head(((Number) h[0]).longValue(), (String) h[1]));
    CheckpointChain.Verdict verdict =
        CheckpointChain.verify(
            chain,
            checkpoints.numbers(chain),
            n -> checkpoints.load(chain, n),
            checkpoints::authentic);
    if (verdict.problem() != null) {
      walk.checkpointProblem(verdict.brokenSequence(), verdict.problem());
    }
    Checkpoint newest = verdict.newest();
    if (newest != null) {
      walk.checkpoint(newest.sequence(), newest.hash(), hashAt(chain, newest.sequence()));
    }
    CheckpointChain.freshness(
            newest, walk.lastSequence(), walk.firstTime(), clock.instant(), interval)
        .ifPresent(stale -> walk.checkpointProblem(stale.sequence(), stale.problem()));
    return new Checked(walk, newest, walk.report(chain, newest));
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
