package io.kursfilm.audit.control;

import io.kursfilm.audit.boundary.Action;
import java.time.Instant;

/**
 * What to read from the log. The boundary fills in {@code chain} from the caller (own tenant for
 * tenant admins); {@code null} means every chain and is only ever set for platform operators.
 *
 * @param from inclusive, {@code null} for no lower bound
 * @param to exclusive, {@code null} for no upper bound
 */
public record AuditFilter(
    String chain, Instant from, Instant to, Action action, String actorId, int offset, int limit) {

  public static final int MAX_LIMIT = 500;

  public AuditFilter {
    if (offset < 0) {
      throw new IllegalArgumentException("offset must not be negative");
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be 1-" + MAX_LIMIT);
    }
    if (from != null && to != null && !from.isBefore(to)) {
      throw new IllegalArgumentException("from must be before to");
    }
  }
}
