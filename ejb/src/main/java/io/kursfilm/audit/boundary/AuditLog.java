package io.kursfilm.audit.boundary;

import io.kursfilm.audit.control.ChainAppender;
import io.kursfilm.kernel.AuthenticatedCaller;
import io.kursfilm.kernel.Caller;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Where every component records what must be audited: {@code audit.record(AuditEvent.of(...))}.
 * Tenant and actor come from the authenticated caller unless the event names them. Callers have
 * already been authorised by their own boundary, hence {@code @PermitAll}.
 *
 * <p>Two flavours: {@link #record} commits on its own, so an event is kept even when the caller's
 * transaction rolls back (failed logins, reads of personal data, keys already destroyed); {@link
 * #recordInTransaction} joins the caller's transaction for state changes that must be logged if and
 * only if they happen. Never call {@code record} for a chain whose head the current transaction
 * already locked through {@code recordInTransaction}: it would wait for itself.
 *
 * <p>Events of an operator elevated into a tenant carry the elevation's id as detail {@value
 * #ELEVATION_DETAIL}.
 */
@Stateless
@PermitAll
public class AuditLog {

  /** Detail naming the elevation through which a platform operator acted. */
  public static final String ELEVATION_DETAIL = "elevation";

  @Inject ChainAppender appender;
  @Inject Caller caller;

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void record(AuditEvent event) {
    append(event);
  }

  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public void recordInTransaction(AuditEvent event) {
    append(event);
  }

  private void append(AuditEvent event) {
    Optional<AuthenticatedCaller> who = current();
    // Whatever an operator does through an elevation names it, so the tenant's admins can see what
    // was done during each elevation.
    who.filter(AuthenticatedCaller::isElevated)
        .filter(c -> !event.details().containsKey(ELEVATION_DETAIL))
        .ifPresent(c -> event.detail(ELEVATION_DETAIL, c.elevationId()));
    String tenantId =
        event.tenantGiven()
            ? event.tenantId()
            : who.map(c -> AuditEvent.tenantOf(c.tenantId(), c.tenantSlug())).orElse(null);
    String actorId =
        event.actorGiven() ? event.actorId() : who.map(AuthenticatedCaller::userId).orElse(null);
    appender.append(event, tenantId, actorId);
  }

  private Optional<AuthenticatedCaller> current() {
    try {
      return caller.current();
    } catch (ContextNotActiveException noRequest) {
      return Optional.empty(); // start-up and timers: the system acts
    }
  }
}
