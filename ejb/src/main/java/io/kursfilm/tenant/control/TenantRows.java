package io.kursfilm.tenant.control;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.persistence.config.HintValues;
import org.eclipse.persistence.config.QueryHints;

/**
 * Deletes every row a tenant owns, table by table, children before parents (the foreign keys). Bulk
 * SQL on purpose: loading the entities would try to decrypt their sealed columns with a key that is
 * already destroyed. The tenant's audit chain ({@code audit_entry}, {@code audit_chain}: ids and
 * counts only, outliving the shred by design), its {@code offboarding} rows and its tombstone are
 * platform bookkeeping and stay; login throttles are keyed by a hash and expire. The inventory in
 * web/src/test/resources/tenant-columns.csv and OffboardingShredIT (which checks every table with a
 * {@code tenant_id} column) keep this list complete.
 */
@Dependent
public class TenantRows {

  /** Table name and the statement deleting the tenant's rows of it (one parameter: tenant id). */
  private static final List<Map.Entry<String, String>> DELETES =
      List.of(
          own("watch_progress"),
          own("video_completion"),
          own("notification"),
          own("quiz_attempt"),
          own("quiz"),
          own("video_comment"),
          own("video_review"),
          own("video_chunk_write"),
          own("video_chunk"),
          own("video_caption"),
          own("transcode_outcome"),
          own("video_version"),
          own("video"),
          own("account_token"),
          own("api_session"),
          own("deletion_request"),
          own("elevation"),
          own("tenant_sso"),
          own("offboarding_link"),
          Map.entry(
              "user_role",
              "DELETE r FROM user_role r JOIN app_user u ON u.id = r.user_id"
                  + " WHERE u.tenant_id = ?"),
          own("app_user"),
          Map.entry("tenant", "DELETE FROM tenant WHERE id = ?"));

  @PersistenceContext(unitName = "kursfilm")
  EntityManager em;

  /**
   * Deletes the tenant's rows in the caller's transaction and ends its sessions with them; returns
   * rows deleted per table (queued jobs as {@code scheduled_tasks}). The tenant row goes last,
   * which frees its slug.
   */
  public Map<String, Long> deleteAll(String tenantId) {
    Map<String, Long> deleted = new LinkedHashMap<>();
    // Queued transcodes of the tenant: db-scheduler's task_data is the tenant id in plain text.
    deleted.put(
        "scheduled_tasks",
        (long)
            nativeQuery("DELETE FROM scheduled_tasks WHERE task_data = ?")
                .setParameter(1, tenantId.getBytes(StandardCharsets.UTF_8))
                .executeUpdate());
    for (Map.Entry<String, String> delete : DELETES) {
      deleted.put(
          delete.getKey(),
          (long) nativeQuery(delete.getValue()).setParameter(1, tenantId).executeUpdate());
    }
    // Bulk SQL bypasses the shared cache: nothing of the tenant may be served from it afterwards.
    em.getEntityManagerFactory().getCache().evictAll();
    return deleted;
  }

  private jakarta.persistence.Query nativeQuery(String sql) {
    return em.createNativeQuery(sql).setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, HintValues.TRUE);
  }

  private static Map.Entry<String, String> own(String table) {
    return Map.entry(table, "DELETE FROM " + table + " WHERE tenant_id = ?");
  }
}
