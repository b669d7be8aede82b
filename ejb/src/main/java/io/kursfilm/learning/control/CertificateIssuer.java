package io.kursfilm.learning.control;

import io.kursfilm.learning.entity.Certificate;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;

/**
 * Issues certificates of completion in the tenant bound to the transaction: the seam the
 * assignments call when a person completes an assignment (or a cycle of a recurring one). It checks
 * nobody: the calling boundary has decided that the completion counts.
 */
@Dependent
public class CertificateIssuer {

  @PersistenceContext(unitName = "kursfilm")
  EntityManager em;

  @Inject Clock clock;

  /**
   * The certificate of {@code userId} for this assignment and cycle, issued now unless it exists:
   * idempotent per (user, assignment, cycle), so a repeated completion or a retried call returns
   * the same id. Two first calls racing in parallel transactions meet the unique key: one of them
   * fails and its caller retries into the existing row.
   *
   * @param cycleKey the cycle of a recurring assignment (a number or date); null or empty for one
   * @param subjectKind {@code VIDEO} or {@code COURSE}
   * @return the certificate's id, which is also its public verification id
   */
  public String issue(
      String userId,
      String assignmentId,
      String cycleKey,
      String subjectKind,
      String subjectId,
      Instant completedAt) {
    String cycle = cycleKey == null ? "" : cycleKey;
    return em.createNamedQuery(Certificate.OF_CYCLE, Certificate.class)
        .setParameter("userId", userId)
        .setParameter("assignmentId", assignmentId)
        .setParameter("cycleKey", cycle)
        .getResultStream()
        .findFirst()
        .map(Certificate::id)
        .orElseGet(
            () -> {
              Certificate issued =
                  new Certificate(
                      userId,
                      assignmentId,
                      cycle,
                      subjectKind,
                      subjectId,
                      completedAt,
                      clock.instant());
              em.persist(issued);
              em.flush();
              return issued.id();
            });
  }
}
