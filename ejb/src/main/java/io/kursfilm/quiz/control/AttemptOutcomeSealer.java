package io.kursfilm.quiz.control;

import io.kursfilm.kernel.TenantFilter;
import io.kursfilm.quiz.entity.QuizAttempt;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Seals, in one transaction of one tenant, a batch of attempts whose score and passed were written
 * in clear before V27, and clears those columns. Only such rows are picked, so running it again
 * does nothing.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class AttemptOutcomeSealer {

  @PersistenceContext(unitName = "kursfilm")
  EntityManager em;

  @Inject TenantFilter filter;

  /** Seals up to {@code limit} attempts of {@code tenantId}; returns how many. */
  public int sealBatch(String tenantId, int limit) {
    filter.bind(tenantId);
    int sealed = 0;
    for (QuizAttempt a :
        em.createNamedQuery(QuizAttempt.PLAINTEXT_OUTCOMES, QuizAttempt.class)
            .setMaxResults(limit)
            .getResultList()) {
      a.sealPlaintextOutcome();
      sealed++;
    }
    return sealed;
  }
}
