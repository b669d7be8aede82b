package io.kursfilm.tenant.control;

import io.kursfilm.tenant.entity.Tenant;
import io.kursfilm.tenant.entity.TenantState;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Seals and indexes, in a transaction of its own, one tenant row written before V17: its slug and
 * name under its own key (only while it is ACTIVE: nothing is sealed for a tenant being
 * off-boarded), its slug index under the directory key (whenever the slug opens, also to re-index
 * after the directory key was replaced). A row that is sealed and correctly indexed is left alone.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class TenantDirectorySealer {

  @PersistenceContext(unitName = "kursfilm")
  EntityManager em;

  @Inject SlugIndex slugIndex;

  /** Seals and indexes the tenant's row if needed; returns 1 if it changed it, else 0. */
  public int seal(String tenantId, int limit) {
    Tenant tenant = em.find(Tenant.class, tenantId);
    if (tenant == null || limit < 1 || tenant.state() == TenantState.SHREDDED) {
      return 0;
    }
    boolean changed = false;
    String index = slugIndex.of(tenant.slug());
    if (!index.equals(tenant.slugIndex())) {
      tenant.indexSlug(index);
      changed = true;
    }
    if (tenant.isActive()) {
      changed |= tenant.sealPlaintext();
    }
    return changed ? 1 : 0;
  }
}
