package io.kursfilm.identity.boundary;

import io.kursfilm.audit.boundary.Action;
import io.kursfilm.audit.boundary.AuditEvent;
import io.kursfilm.audit.boundary.AuditLog;
import io.kursfilm.identity.control.ApiTokens;
import io.kursfilm.identity.control.UserDirectory;
import io.kursfilm.kernel.AuthenticatedCaller;
import io.kursfilm.kernel.Caller;
import io.kursfilm.kernel.NotAuthenticatedException;
import io.kursfilm.kernel.TenantScoped;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/** The caller's own account. */
@Stateless
@TenantScoped
@PermitAll
public class Profile {

  @Inject Caller caller;
  @Inject UserDirectory directory;
  @Inject ApiTokens tokens;
  @Inject AuditLog audit;

  /** The caller's account; {@code language} is null until they pick one. */
  public record Me(
      String tenant,
      String email,
      String displayName,
      java.util.Set<String> roles,
      String language) {}

  public Me me() {
    AuthenticatedCaller who = caller.require();
    var user = directory.find(who.userId()).orElseThrow(NotAuthenticatedException::new);
    return new Me(
        who.tenantSlug(),
        user.email(),
        user.displayName(),
        who.groups(),
        user.language().orElse(null));
  }

  /**
   * Remembers the UI language the caller picked ({@code de} or {@code en}): notification mails are
   * written in it. Not audited: it grants nothing and reveals nothing. An operator acting through
   * an elevation has no account in the tenant: nothing is remembered for them.
   *
   * @throws IllegalArgumentException for any other language
   */
  public void preferLanguage(String language) {
    AuthenticatedCaller who = caller.require();
    if (who.isElevated()) {
      return;
    }
    directory
        .find(who.userId())
        .orElseThrow(NotAuthenticatedException::new)
        .preferLanguage(language);
  }

  /**
   * Logs the caller out everywhere: all their bearer tokens are revoked and every UI session, this
   * one included, ends at its next request.
   *
   * @return how many bearer tokens were revoked
   */
  public int logOutEverywhere() {
    AuthenticatedCaller who = caller.require();
    var user = directory.find(who.userId()).orElseThrow(NotAuthenticatedException::new);
    user.endSessions();
    int revoked = tokens.revokeAll(user);
    audit.recordInTransaction(
        AuditEvent.of(Action.LOGOUT)
            .subject("user", user.id())
            .detail("scope", "everywhere")
            .detail("revokedTokens", revoked));
    return revoked;
  }

  /** Records that the caller ends their UI session (the web tier ends it). */
  public void loggedOut() {
    AuthenticatedCaller who = caller.require();
    audit.record(
        AuditEvent.of(Action.LOGOUT).subject("user", who.userId()).detail("via", "session"));
  }
}
