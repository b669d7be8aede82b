package io.kursfilm.identity.boundary;

import io.kursfilm.identity.control.AccountTokens;
import io.kursfilm.identity.control.EmailMask;
import io.kursfilm.identity.entity.AccountToken;
import io.kursfilm.identity.entity.TokenPurpose;
import io.kursfilm.kernel.TenantFilter;
import io.kursfilm.tenant.boundary.TenantDirectory;
import io.kursfilm.tenant.boundary.TenantView;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * What the public link boundaries share: previewing a link without consuming it, and resolving a
 * link for use, which must name the tenant the link was made for. Every refusal is the same {@link
 * InvalidLinkException}.
 */
@Dependent
class LinkHolders {

  /** A link resolved for use in its tenant, which is now bound to the transaction. */
  record Resolved(TenantView tenant, AccountToken row) {}

  @Inject AccountTokens tokens;
  @Inject TenantDirectory tenants;
  @Inject TenantFilter filter;

  Optional<LinkPreview> preview(String token, TokenPurpose purpose) {
    return tokens
        .findUsable(token, purpose)
        .flatMap(
            row ->
                tenants
                    .find(row.tenantId())
                    .filter(TenantView::isActive)
                    .map(
                        t ->
                            new LinkPreview(
                                t.slug(),
                                t.name(),
                                EmailMask.of(tokens.email(row)),
                                row.expiresAt())));
  }

  Resolved resolve(String tenantSlug, String token, TokenPurpose purpose) {
    TenantView tenant =
        tenants
            .findBySlug(tenantSlug)
            .filter(TenantView::isActive)
            .orElseThrow(InvalidLinkException::new);
    AccountToken row =
        tokens.lockUsable(token, purpose, tenant.id()).orElseThrow(InvalidLinkException::new);
    filter.bind(tenant.id());
    return new Resolved(tenant, row);
  }
}
