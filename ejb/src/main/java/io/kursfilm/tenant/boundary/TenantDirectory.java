package io.kursfilm.tenant.boundary;

import io.kursfilm.kernel.TenantSlugs;
import io.kursfilm.tenant.control.TenantRegistry;
import io.kursfilm.tenant.entity.Tenant;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * How the other components look tenants up: as views, never as entities. Tenants are platform data,
 * so the look-ups are not tenant-filtered; callers decide what a caller may learn of them.
 */
@Dependent
public class TenantDirectory implements TenantSlugs {

  @Inject TenantRegistry registry;

  public Optional<TenantView> find(String id) {
    return registry.find(id).map(TenantView::of);
  }

  /**
   * The tenant of this slug, if its slug still opens: a shredded tenant is found by its index but
   * is nobody's to log in to or be invited to any more, so it is not found here.
   */
  public Optional<TenantView> findBySlug(String slug) {
    return registry.findBySlug(slug).map(TenantView::of).filter(TenantView::readable);
  }

  /** The tenant of this slug if it is active (its users may log in). */
  public Optional<TenantView> findActive(String slug) {
    return findBySlug(slug).filter(TenantView::isActive);
  }

  /** Every tenant by slug; those whose slug no longer opens (shredded) last, oldest first. */
  public List<TenantView> all() {
    return registry.all().stream()
        .map(TenantView::of)
        .sorted(
            Comparator.comparing(TenantView::slug, Comparator.nullsLast(Comparator.naturalOrder())))
        .toList();
  }

  /** The tenant's own settings; empty for an unknown tenant. */
  public Optional<TenantSettingsValue> settings(String id) {
    return registry.find(id).map(Tenant::settings);
  }

  /** When the tenant last switched anonymisation of quiz results on or off; empty: never. */
  public Optional<Instant> anonymiseChangedAt(String id) {
    return registry.find(id).flatMap(Tenant::anonymiseChangedAt);
  }

  @Override
  public Optional<String> idOf(String slug) {
    return registry.findBySlug(slug).map(Tenant::id);
  }
}
