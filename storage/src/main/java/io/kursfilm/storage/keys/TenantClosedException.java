package io.kursfilm.storage.keys;

/**
 * The tenant is off-boarding or shredded, so its keys may not be used for what was asked: nothing
 * new is sealed for an off-boarding tenant, nothing at all is opened for a shredded one. Final for
 * the tenant, so callers do not retry. The message names the tenant id and state, never data.
 */
public class TenantClosedException extends RuntimeException {

  public TenantClosedException(String message) {
    super(message);
  }
}
