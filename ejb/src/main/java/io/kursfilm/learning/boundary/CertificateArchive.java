package io.kursfilm.learning.boundary;

import io.kursfilm.kernel.TenantFilter;
import io.kursfilm.learning.entity.Certificate;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;

/**
 * The tenant's certificates of completion for its offboarding export ({@code certificates.json}):
 * ids and dates, people by id (the export's users file names them). Called only by the export job,
 * which runs without a caller: the tenant is bound from the argument.
 */
@Stateless
public class CertificateArchive {

  @PersistenceContext(unitName = "kursfilm")
  EntityManager em;

  @Inject TenantFilter filter;

  public byte[] json(String tenantId) {
    filter.bind(tenantId);
    JsonArrayBuilder all = Json.createArrayBuilder();
    em.createQuery("select c from Certificate c order by c.issuedAt, c.id", Certificate.class)
        .getResultStream()
        .forEach(
            c ->
                all.add(
                    Json.createObjectBuilder()
                        .add("id", c.id())
                        .add("userId", c.userId())
                        .add("assignmentId", c.assignmentId())
                        .add("cycleKey", c.cycleKey())
                        .add("subjectKind", c.subjectKind())
                        .add("subjectId", c.subjectId())
                        .add("completedAt", c.completedAt().toString())
                        .add("issuedAt", c.issuedAt().toString())));
    return Json.createObjectBuilder()
        .add("certificates", all)
        .build()
        .toString()
        .getBytes(StandardCharsets.UTF_8);
  }
}
