package io.kursfilm.audit.control;

import io.kursfilm.audit.entity.AuditEntry;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads audit entries newest first. The one place that applies the chain (tenant) criterion to
 * audit reads; the JPQL is assembled from fixed fragments and every value is a parameter.
 */
@Dependent
public class AuditQuery {

  @PersistenceContext(unitName = "kursfilm")
  EntityManager em;

  public List<AuditEntry> list(AuditFilter filter) {
    Map<String, Object> params = new LinkedHashMap<>();
    String where = where(filter, params);
    TypedQuery<AuditEntry> query =
        em.createQuery(
            "select e from AuditEntry e" + where + " order by e.occurredAt desc, e.sequence desc",
            AuditEntry.class);
    params.forEach(query::setParameter);
    return query.setFirstResult(filter.offset()).setMaxResults(filter.limit()).getResultList();
  }

  public long count(AuditFilter filter) {
    Map<String, Object> params = new LinkedHashMap<>();
    TypedQuery<Long> query =
        em.createQuery("select count(e) from AuditEntry e" + where(filter, params), Long.class);
    params.forEach(query::setParameter);
    return query.getSingleResult();
  }

  private static String where(AuditFilter f, Map<String, Object> params) {
    List<String> clauses = new ArrayList<>();
    if (f.chain() != null) {
      clauses.add("e.chainId = :chain");
      params.put("chain", f.chain());
    }
    if (f.from() != null) {
      clauses.add("e.occurredAt >= :from");
      params.put("from", f.from());
    }
    if (f.to() != null) {
      clauses.add("e.occurredAt < :to");
      params.put("to", f.to());
    }
    if (f.action() != null) {
      clauses.add("e.action = :action");
      params.put("action", f.action().name());
    }
    if (f.actorId() != null) {
      clauses.add("e.actorId = :actor");
      params.put("actor", f.actorId());
    }
    return clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses);
  }
}
