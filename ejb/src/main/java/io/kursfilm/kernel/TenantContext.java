package io.kursfilm.kernel;

import jakarta.transaction.TransactionScoped;
import java.io.Serializable;

/**
 * The tenant bound to the current transaction, for code that runs inside JPA (attribute converters)
 * and cannot see the EntityManager's properties. Set only by {@link TenantFilter}.
 */
@TransactionScoped
public class TenantContext implements Serializable {

  private static final long serialVersionUID = 1L;

  private String tenantId;

  void bind(String tenantId) {
    if (this.tenantId != null && !this.tenantId.equals(tenantId)) {
      throw new IllegalStateException("a transaction serves exactly one tenant");
    }
    this.tenantId = tenantId;
  }

  /** The bound tenant; fails closed when none is bound. */
  public String require() {
    if (tenantId == null) {
      throw new IllegalStateException("no tenant bound to this transaction");
    }
    return tenantId;
  }
}
