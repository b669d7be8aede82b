package io.kursfilm.identity.boundary;

import io.kursfilm.identity.control.CallerCache;
import io.kursfilm.kernel.AuthenticatedCaller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * The checks every request's authentication makes (who is behind a bearer token, whether a UI
 * session stands, whether the tenant is frozen), answered from this node's {@link CallerCache} when
 * it knows, else by {@link Authentication}, which reads the rows and keeps what it found. Not an
 * EJB: profiling of the segment path put the container's cost of one call to the {@link
 * Authentication} bean above that of the cache hit it returned, and a player asks every few
 * seconds. The cache drops an answer on every node as soon as a change could take it back.
 */
@ApplicationScoped
public class KnownCallers {

  @Inject CallerCache cache;
  @Inject Authentication authentication;

  /** The caller behind a bearer token; empty when the token is unknown, expired or revoked. */
  public Optional<AuthenticatedCaller> resolveApiSession(String token) {
    Optional<AuthenticatedCaller> known = cache.known(token);
    return known.isPresent() ? known : authentication.resolveApiSession(token);
  }

  /** See {@link Authentication#isCurrent}. */
  public boolean isCurrent(AuthenticatedCaller caller) {
    return cache.knows(caller) || authentication.isCurrent(caller);
  }

  /** See {@link Authentication#isFrozen}. */
  public boolean isFrozen(AuthenticatedCaller caller) {
    return cache.frozen(caller.tenantId()).orElseGet(() -> authentication.isFrozen(caller));
  }
}
