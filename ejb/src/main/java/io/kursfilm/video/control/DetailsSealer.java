package io.kursfilm.video.control;

import io.kursfilm.kernel.TenantFilter;
import io.kursfilm.video.entity.VideoCaption;
import io.kursfilm.video.entity.VideoVersion;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Seals, in one transaction of one tenant, a batch of video details and caption labels that were
 * written in clear before V16. Sealing an already sealed row is never attempted: the queries pick
 * only rows that are not row-bound yet, so running it again finds nothing to do.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class DetailsSealer {

  @PersistenceContext(unitName = "kursfilm")
  EntityManager em;

  @Inject TenantFilter filter;

  /** Seals up to {@code limit} rows of {@code tenantId}; returns how many. */
  public int sealBatch(String tenantId, int limit) {
    filter.bind(tenantId);
    int sealed = 0;
    for (VideoVersion v :
        em.createNamedQuery(VideoVersion.PLAINTEXT_DETAILS, VideoVersion.class)
            .setMaxResults(limit)
            .getResultList()) {
      v.sealPlaintext();
      sealed++;
    }
    for (VideoCaption c :
        em.createNamedQuery(VideoCaption.PLAINTEXT_LABELS, VideoCaption.class)
            .setMaxResults(limit)
            .getResultList()) {
      c.sealPlaintext();
      sealed++;
    }
    return sealed;
  }
}
