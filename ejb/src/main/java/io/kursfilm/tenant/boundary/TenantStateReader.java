package io.kursfilm.tenant.boundary;

import io.kursfilm.storage.keys.TenantStates;
import io.kursfilm.tenant.entity.Tenant;
import io.kursfilm.tenant.entity.TenantState;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/**
 * The application's source of tenant states for the storage {@link
 * io.kursfilm.storage.keys.TenantGate}. A query, so the row is read from the database (Tenant is
 * not in the shared cache), never from an entity loaded earlier. Inside the caller's transaction
 * when there is one (a tenant being provisioned is seen before it commits; a raw connection of the
 * XA data source inside that transaction fails), else on its own.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class TenantStateReader implements TenantStates {

  @PersistenceContext(unitName = "kursfilm")
  EntityManager em;

  @Override
  public Optional<String> stateOf(String tenantId) {
    // find, not a query: a query flushes pending changes first, and the gate is asked while an
    // entity seals its columns in @PrePersist, so the flush wrote the row before its sealed
    // values were set. find never flushes and still sees a tenant persisted in this transaction.
    return Optional.ofNullable(em.find(Tenant.class, tenantId))
        .map(Tenant::state)
        .map(TenantState::name);
  }
}
