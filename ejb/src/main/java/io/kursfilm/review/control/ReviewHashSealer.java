package io.kursfilm.review.control;

import io.kursfilm.kernel.TenantFilter;
import io.kursfilm.review.entity.VideoReview;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Seals, in one transaction of one tenant, a batch of decisions whose media and caption hashes were
 * written in clear before V16. Only unsealed rows are picked, so running it again does nothing.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class ReviewHashSealer {

  @PersistenceContext(unitName = "kursfilm")
  EntityManager em;

  @Inject TenantFilter filter;

  /** Seals up to {@code limit} decisions of {@code tenantId}; returns how many. */
  public int sealBatch(String tenantId, int limit) {
    filter.bind(tenantId);
    int sealed = 0;
    for (VideoReview r :
        em.createNamedQuery(VideoReview.PLAINTEXT_HASHES, VideoReview.class)
            .setMaxResults(limit)
            .getResultList()) {
      r.sealPlaintext();
      sealed++;
    }
    return sealed;
  }
}
