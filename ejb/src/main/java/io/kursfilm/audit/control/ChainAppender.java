package io.kursfilm.audit.control;

import io.kursfilm.audit.boundary.AuditEvent;
import io.kursfilm.audit.entity.AuditEntry;
import io.kursfilm.audit.entity.AuditHash;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;

/**
 * Appends one entry to a chain inside the caller's transaction. The chain head row is locked with
 * {@code SELECT ... FOR UPDATE} first, so concurrent appends to one chain queue up behind each
 * other and can never both link to the same predecessor; different chains do not block each other.
 * Native SQL is fine here: the audit tables are not tenant-filtered.
 */
@Dependent
public class ChainAppender {

  @PersistenceContext(unitName = "kursfilm")
  EntityManager em;

  @Inject Clock clock;

  public AuditEntry append(AuditEvent event, String tenantId, String actorId) {
    String chain = AuditEntry.chainOf(tenantId);
    Object[] head = lockHead(chain);
    long last = ((Number) head[0]).longValue();
    String lastHash = (String) head[1];
    AuditEntry entry =
        new AuditEntry(event, tenantId, actorId, last + 1, lastHash, clock.instant());
    em.persist(entry);
    nativeQuery("UPDATE audit_chain SET last_seq = ?, last_hash = ? WHERE chain_id = ?")
        .setParameter(1, entry.sequence())
        .setParameter(2, entry.hash())
        .setParameter(3, chain)
        .executeUpdate();
    return entry;
  }

  private Object[] lockHead(String chain) {
    // The first event of a chain creates its head; INSERT IGNORE lets a racing twin fall through
    // to the lock below instead of failing.
    if (nativeQuery("SELECT 1 FROM audit_chain WHERE chain_id = ?")
        .setParameter(1, chain)
        .getResultList()
        .isEmpty()) {
      nativeQuery("INSERT IGNORE INTO audit_chain (chain_id, last_seq, last_hash) VALUES (?, 0, ?)")
          .setParameter(1, chain)
          .setParameter(2, AuditHash.GENESIS)
          .executeUpdate();
    }
    return (Object[])
        nativeQuery("SELECT last_seq, last_hash FROM audit_chain WHERE chain_id = ? FOR UPDATE")
            .setParameter(1, chain)
            .getSingleResult();
  }

  /**
   * EclipseLink disables native SQL once any entity is {@code @Multitenant}, since it bypasses the
   * tenant filter. The audit tables are not tenant-owned, so it is allowed here, per query.
   */
  private jakarta.persistence.Query nativeQuery(String sql) {
    return em.createNativeQuery(sql).setHint("eclipselink.jdbc.allow-native-sql-query", true);
  }
}
