package io.kursfilm.identity.control;

import io.kursfilm.identity.boundary.ElevationRefusedException;
import io.kursfilm.kernel.AuthenticatedCaller;
import io.kursfilm.kernel.Caller;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

/**
 * Keeps elevations temporary. An operator elevated into a tenant acts there as TENANT_ADMIN for a
 * short while; anything that would let them back in after it lapsed (inviting anybody, granting
 * roles, re-activating accounts, changing where the tenant signs in) is refused here. Boundaries
 * call it before they change anything.
 */
@Dependent
public class ElevationGuard {

  @Inject Caller caller;

  /** Whether the current caller is an operator acting through an elevation. */
  public boolean elevated() {
    return caller.current().map(AuthenticatedCaller::isElevated).orElse(false);
  }

  /** Refuses {@code what} (for the message, e.g. "Inviting people") for elevated callers. */
  public void refuse(String what) {
    if (elevated()) {
      throw new ElevationRefusedException(what);
    }
  }
}
