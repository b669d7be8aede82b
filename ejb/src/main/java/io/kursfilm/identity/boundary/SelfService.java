package io.kursfilm.identity.boundary;

import io.kursfilm.audit.boundary.Action;
import io.kursfilm.audit.boundary.AuditEvent;
import io.kursfilm.audit.boundary.AuditLog;
import io.kursfilm.identity.control.UserDirectory;
import io.kursfilm.identity.entity.DeletionRequest;
import io.kursfilm.identity.entity.User;
import io.kursfilm.kernel.AuthenticatedCaller;
import io.kursfilm.kernel.Caller;
import io.kursfilm.kernel.ConflictException;
import io.kursfilm.kernel.NotAuthenticatedException;
import io.kursfilm.kernel.Role;
import io.kursfilm.kernel.TenantScoped;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * GDPR self-service for everybody with an account: see and download what Kursfilm keeps about
 * oneself, and ask for the account's erasure (decided by a tenant admin, see {@link
 * DeletionRequests}). Learning progress and quiz results join the export when they exist.
 */
@Stateless
@TenantScoped
@PermitAll
public class SelfService {

  /** Everything kept about the caller, as handed out. */
  public record MyData(
      String tenant,
      String userId,
      String email,
      String displayName,
      Set<String> roles,
      boolean active,
      boolean emailVerified,
      String language,
      Instant exportedAt,
      List<MyDeletionRequest> deletionRequests) {}

  /** One of the caller's erasure requests. */
  public record MyDeletionRequest(String id, String state, Instant requestedAt) {}

  @PersistenceContext(unitName = "kursfilm")
  EntityManager em;

  @Inject Caller caller;
  @Inject UserDirectory directory;
  @Inject AuditLog audit;
  @Inject Clock clock;

  public MyData myData() {
    AuthenticatedCaller who = caller.require();
    User me = directory.find(who.userId()).orElseThrow(NotAuthenticatedException::new);
    List<MyDeletionRequest> requests =
        em.createQuery(
                "select d from DeletionRequest d where d.userId = :userId", DeletionRequest.class)
            .setParameter("userId", me.id())
            .getResultStream()
            .map(d -> new MyDeletionRequest(d.id(), d.state().name(), d.requestedAt()))
            .toList();
    audit.recordInTransaction(AuditEvent.of(Action.EXPORT).subject("user", me.id()));
    return new MyData(
        who.tenantSlug(),
        me.id(),
        me.email(),
        me.displayName(),
        me.roles().stream().map(Role::name).collect(Collectors.toSet()),
        me.active(),
        me.isEmailVerified(),
        me.language().orElse(null),
        clock.instant(),
        requests);
  }

  /**
   * Asks for the erasure of the caller's account; one open request at a time. An operator acting
   * through an elevation has no account in the tenant: refused as for {@link #myData}.
   */
  public MyDeletionRequest requestDeletion() {
    AuthenticatedCaller who = caller.require();
    directory.find(who.userId()).orElseThrow(NotAuthenticatedException::new);
    boolean open =
        !em.createNamedQuery(DeletionRequest.PENDING_OF_USER, DeletionRequest.class)
            .setParameter("userId", who.userId())
            .setParameter("state", DeletionRequest.State.PENDING)
            .getResultList()
            .isEmpty();
    if (open) {
      throw new ConflictException("an erasure request of yours is already waiting");
    }
    DeletionRequest request = new DeletionRequest(who.userId(), clock.instant());
    em.persist(request);
    audit.recordInTransaction(
        AuditEvent.of(Action.DELETION_REQUESTED).subject("deletion-request", request.id()));
    return new MyDeletionRequest(request.id(), request.state().name(), request.requestedAt());
  }
}
