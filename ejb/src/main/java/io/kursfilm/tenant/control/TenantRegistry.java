package io.kursfilm.tenant.control;

import io.kursfilm.kernel.TenantSlugs;
import io.kursfilm.tenant.entity.Tenant;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/**
 * Looks tenants up; tenants themselves are platform data, not tenant-filtered. By slug through its
 * blind index ({@link SlugIndex}), since the slug is sealed.
 */
@Dependent
public class TenantRegistry {

  @PersistenceContext(unitName = "kursfilm")
  EntityManager em;

  @Inject SlugIndex slugIndex;

  public Optional<Tenant> find(String id) {
    return Optional.ofNullable(em.find(Tenant.class, id));
  }

  /**
   * The tenant of {@code slug} (normalised first). A tenant written before V17 that the start-up
   * sealing has not indexed yet is found by its slug in clear.
   */
  public Optional<Tenant> findBySlug(String slug) {
    if (slug == null || slug.isBlank()) {
      return Optional.empty();
    }
    Optional<Tenant> indexed =
        em.createNamedQuery(Tenant.FIND_BY_SLUG_INDEX, Tenant.class)
            .setParameter("slugIndex", slugIndex.of(slug))
            .getResultStream()
            .findFirst();
    if (indexed.isPresent()) {
      return indexed;
    }
    return em.createNamedQuery(Tenant.FIND_BY_PLAINTEXT_SLUG, Tenant.class)
        .setParameter("slug", SlugIndex.normalise(slug))
        .getResultStream()
        .findFirst();
  }

  /** Every tenant, oldest first (their slugs are sealed: callers sort what they show). */
  public List<Tenant> all() {
    return em.createNamedQuery(Tenant.FIND_ALL, Tenant.class).getResultList();
  }

  /**
   * Whether {@code tenant} holds the platform operators. Decided by the index, without opening the
   * slug: a shred finished by a retry meets a tenant whose key is already destroyed.
   */
  public boolean isPlatform(Tenant tenant) {
    if (tenant.slugIndex() != null) {
      return tenant.slugIndex().equals(slugIndex.of(TenantSlugs.PLATFORM));
    }
    return TenantSlugs.PLATFORM.equals(tenant.slug());
  }
}
