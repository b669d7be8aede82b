package io.kursfilm.identity.boundary;

import io.kursfilm.audit.boundary.Action;
import io.kursfilm.audit.boundary.AuditEvent;
import io.kursfilm.audit.boundary.AuditLog;
import io.kursfilm.identity.control.UserDirectory;
import io.kursfilm.identity.entity.DeletionRequest;
import io.kursfilm.identity.entity.User;
import io.kursfilm.kernel.Caller;
import io.kursfilm.kernel.Role;
import io.kursfilm.kernel.TenantScoped;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Erasure requests of the own tenant, as tenant admins decide them. Approval erases the account at
 * once: its row (and with it roles, tokens and pending links) is deleted, its sessions end. The
 * audit log keeps only the user id, which no longer leads to a person.
 */
@Stateless
@TenantScoped
@RolesAllowed(Role.Names.TENANT_ADMIN)
public class DeletionRequests {

  /** A pending request with the person it concerns, for the admin's decision. */
  public record Pending(
      String id, String userId, String email, String displayName, Instant requestedAt) {}

  @PersistenceContext(unitName = "kursfilm")
  EntityManager em;

  @Inject Caller caller;
  @Inject UserDirectory directory;
  @Inject AuditLog audit;
  @Inject Clock clock;

  /** Pending requests with the addresses and names they concern: a read of personal data. */
  public List<Pending> pending() {
    List<Pending> pending = pendingRequests();
    audit.record(
        AuditEvent.of(Action.DELETION_REQUESTS_READ)
            .subject("deletion-requests", null)
            .detail("count", pending.size()));
    return pending;
  }

  private List<Pending> pendingRequests() {
    return em.createNamedQuery(DeletionRequest.PENDING, DeletionRequest.class)
        .setParameter("state", DeletionRequest.State.PENDING)
        .getResultStream()
        .map(
            d -> {
              Optional<User> user = directory.find(d.userId());
              return new Pending(
                  d.id(),
                  d.userId(),
                  user.map(User::email).orElse(""),
                  user.map(User::displayName).orElse(""),
                  d.requestedAt());
            })
        .toList();
  }

  /** Approves and erases; false for an id that is not a request of this tenant. */
  public boolean approve(String requestId) {
    Optional<DeletionRequest> request = find(requestId);
    if (request.isEmpty()) {
      return false;
    }
    request.get().decide(true, caller.require().userId(), clock.instant());
    directory.find(request.get().userId()).ifPresent(directory::remove);
    audit.recordInTransaction(
        AuditEvent.of(Action.USER_ERASED).subject("user", request.get().userId()));
    return true;
  }

  /** Rejects; false for an id that is not a request of this tenant. */
  public boolean reject(String requestId) {
    Optional<DeletionRequest> request = find(requestId);
    if (request.isEmpty()) {
      return false;
    }
    request.get().decide(false, caller.require().userId(), clock.instant());
    audit.recordInTransaction(
        AuditEvent.of(Action.DELETION_REJECTED).subject("deletion-request", requestId));
    return true;
  }

  private Optional<DeletionRequest> find(String id) {
    return Optional.ofNullable(em.find(DeletionRequest.class, id));
  }
}
