package io.kursfilm.identity.control;

import io.kursfilm.identity.entity.TenantSso;
import io.kursfilm.identity.entity.User;
import io.kursfilm.kernel.TenantFilter;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Seals, in one transaction of one tenant, what names its identity provider and was written in
 * clear before V17: the issuer and client id of its SSO settings, the issuer its users are pinned
 * to. Only rows not sealed yet are picked, so running it again finds nothing to do.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class SsoIssuerSealer {

  @PersistenceContext(unitName = "kursfilm")
  EntityManager em;

  @Inject TenantFilter filter;

  /** Seals up to {@code limit} rows of {@code tenantId} (and its settings); returns how many. */
  public int sealBatch(String tenantId, int limit) {
    filter.bind(tenantId);
    int sealed = 0;
    TenantSso sso = em.find(TenantSso.class, tenantId);
    if (sso != null && !sso.isSealed()) {
      sso.sealPlaintext();
      sealed++;
    }
    for (User user :
        em.createNamedQuery(User.PLAINTEXT_SSO_ISSUERS, User.class)
            .setMaxResults(limit)
            .getResultList()) {
      user.sealPlaintext();
      sealed++;
    }
    return sealed;
  }
}
