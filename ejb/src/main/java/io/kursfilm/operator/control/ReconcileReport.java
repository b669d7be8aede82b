package io.kursfilm.operator.control;

import java.util.EnumMap;
import java.util.Map;

/**
 * What one reconciliation pass found and removed: objects and bytes per orphan kind, over all
 * tenants it passed, and the tenants whose pass failed (to be retried by the next one).
 */
public final class ReconcileReport {

  private final Map<OrphanKind, long[]> removed = new EnumMap<>(OrphanKind.class);
  private int tenants;
  private int failedTenants;
  private long scanned;

  void tenantPassed(long objectsScanned) {
    tenants++;
    scanned += objectsScanned;
  }

  void tenantFailed() {
    failedTenants++;
  }

  void removed(OrphanKind kind, long bytes) {
    long[] tally = removed.computeIfAbsent(kind, k -> new long[2]);
    tally[0]++;
    tally[1] += bytes;
  }

  public int tenants() {
    return tenants;
  }

  public int failedTenants() {
    return failedTenants;
  }

  public long scanned() {
    return scanned;
  }

  public long objects(OrphanKind kind) {
    return removed.getOrDefault(kind, new long[2])[0];
  }

  public long bytes(OrphanKind kind) {
    return removed.getOrDefault(kind, new long[2])[1];
  }

  public long objects() {
    return removed.values().stream().mapToLong(t -> t[0]).sum();
  }

  public long bytes() {
    return removed.values().stream().mapToLong(t -> t[1]).sum();
  }

  /** Counts only, for the log and the audit entry: no keys, no tenant names. */
  @Override
  public String toString() {
    StringBuilder s =
        new StringBuilder()
            .append(tenants)
            .append(" tenant(s), ")
            .append(scanned)
            .append(" object(s) scanned, ")
            .append(objects())
            .append(" orphan(s) removed (")
            .append(bytes())
            .append(" bytes)");
    removed.forEach(
        (k, t) -> s.append("; ").append(k).append(' ').append(t[0]).append('/').append(t[1]));
    if (failedTenants > 0) {
      s.append("; ").append(failedTenants).append(" tenant(s) failed");
    }
    return s.toString();
  }
}
