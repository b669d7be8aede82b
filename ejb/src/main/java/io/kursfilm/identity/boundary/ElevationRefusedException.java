package io.kursfilm.identity.boundary;

import jakarta.ejb.ApplicationException;

/**
 * A platform operator acting through an elevation asked for something that would outlast the
 * elevation (a role grant, an invitation, pointing the tenant's sign-in elsewhere). The message
 * says what is refused and why; the API answers 403.
 */
@ApplicationException(rollback = true)
public class ElevationRefusedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ElevationRefusedException(String what) {
    super(
        what
            + " is not allowed during an elevation: it would outlast the elevation. A tenant admin"
            + " has to do it.");
  }
}
