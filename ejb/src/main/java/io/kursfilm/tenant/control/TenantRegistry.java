package io.kursfilm.tenant.control;

import io.kursfilm.tenant.entity.Tenant;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** Looks tenants up; tenants themselves are platform data, not tenant-filtered. */
@Dependent
public class TenantRegistry {

  @PersistenceContext(unitName = "kursfilm")
  EntityManager em;

  public Optional<Tenant> find(String id) {
    return Optional.ofNullable(em.find(Tenant.class, id));
  }

  public Optional<Tenant> findBySlug(String slug) {
    if (slug == null) {
      return Optional.empty();
    }
    return em.createNamedQuery(Tenant.FIND_BY_SLUG, Tenant.class)
        .setParameter("slug", slug.strip().toLowerCase(java.util.Locale.ROOT))
        .getResultStream()
        .findFirst();
  }

  public List<Tenant> all() {
    return em.createNamedQuery(Tenant.FIND_ALL, Tenant.class).getResultList();
  }
}
