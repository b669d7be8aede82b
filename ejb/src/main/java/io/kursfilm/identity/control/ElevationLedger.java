package io.kursfilm.identity.control;

import io.kursfilm.identity.entity.Elevation;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Stores elevations and finds the one in force. Elevations are platform data: each query names the
 * tenant or the operator explicitly, since the tenant filter does not apply.
 */
@Dependent
public class ElevationLedger {

  @PersistenceContext(unitName = "kursfilm")
  EntityManager em;

  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "kursfilm.elevation.duration")
  Duration duration;

  public Elevation grant(String tenantId, String operatorId, String reason) {
    Elevation elevation = new Elevation(tenantId, operatorId, reason, clock.instant(), duration);
    em.persist(elevation);
    return elevation;
  }

  public Optional<Elevation> find(String elevationId) {
    return Optional.ofNullable(elevationId == null ? null : em.find(Elevation.class, elevationId));
  }

  public Optional<Elevation> active(String operatorId, String tenantId) {
    return em.createNamedQuery(Elevation.FIND_ACTIVE, Elevation.class)
        .setParameter("operatorId", operatorId)
        .setParameter("tenantId", tenantId)
        .setParameter("now", clock.instant())
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }

  public List<Elevation> intoTenant(String tenantId) {
    return em.createNamedQuery(Elevation.FIND_BY_TENANT, Elevation.class)
        .setParameter("tenantId", tenantId)
        .getResultList();
  }

  public List<Elevation> byOperator(String operatorId) {
    return em.createNamedQuery(Elevation.FIND_BY_OPERATOR, Elevation.class)
        .setParameter("operatorId", operatorId)
        .getResultList();
  }
}
