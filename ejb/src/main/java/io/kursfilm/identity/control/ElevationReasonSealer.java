package io.kursfilm.identity.control;

import io.kursfilm.identity.entity.Elevation;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Seals, in one transaction, a batch of elevation reasons written in clear before V16, each under
 * the key of the tenant it opened. Only unsealed rows are picked, so running it again does nothing.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class ElevationReasonSealer {

  @PersistenceContext(unitName = "kursfilm")
  EntityManager em;

  /** Seals up to {@code limit} reasons; returns how many. */
  public int sealBatch(int limit) {
    int sealed = 0;
    for (Elevation e :
        em.createNamedQuery(Elevation.PLAINTEXT_REASONS, Elevation.class)
            .setMaxResults(limit)
            .getResultList()) {
      e.sealPlaintext();
      sealed++;
    }
    return sealed;
  }
}
