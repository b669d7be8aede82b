package io.kursfilm.identity.boundary;

import io.kursfilm.audit.boundary.Action;
import io.kursfilm.audit.boundary.AuditEvent;
import io.kursfilm.audit.boundary.AuditLog;
import io.kursfilm.identity.control.ApiTokens;
import io.kursfilm.identity.control.CallerCache;
import io.kursfilm.identity.control.LoginThrottling;
import io.kursfilm.identity.control.PasswordHasher;
import io.kursfilm.identity.control.ProviderIdentity;
import io.kursfilm.identity.control.TenantSsoStore;
import io.kursfilm.identity.control.UserDirectory;
import io.kursfilm.identity.entity.TenantSso;
import io.kursfilm.identity.entity.User;
import io.kursfilm.kernel.AuthenticatedCaller;
import io.kursfilm.kernel.TenantFilter;
import io.kursfilm.tenant.boundary.TenantDirectory;
import io.kursfilm.tenant.boundary.TenantView;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks credentials and bearer tokens. Every failure looks the same to the outside and costs the
 * same work, whether the tenant, the user or the password was wrong.
 */
@Stateless
@PermitAll
public class Authentication {

  @Inject TenantDirectory tenants;
  @Inject TenantFilter tenantFilter;
  @Inject UserDirectory users;
  @Inject PasswordHasher hasher;
  @Inject ApiTokens tokens;
  @Inject CallerCache callers;
  @Inject AuditLog audit;
  @Inject LoginThrottling throttling;
  @Inject TenantSsoStore sso;

  /** Audit detail {@code method} of a login: how the person proved who they are. */
  static final String PASSWORD = "password";

  static final String SSO = "sso";

  /**
   * Login with throttling: while the account or the client address is blocked after failures, the
   * attempt is refused without checking the password; a failure counts on both, a success clears
   * the account's counter. Unknown accounts are counted exactly like real ones, so the answers do
   * not reveal which accounts exist.
   */
  public LoginAttempt logIn(
      String tenantSlug, String email, char[] password, String clientAddress) {
    LoginThrottling.Keys keys = throttleKeys(tenantSlug, email, clientAddress);
    Optional<Duration> wait = throttling.waitFor(keys);
    if (wait.isPresent()) {
      return LoginAttempt.throttled(wait.get());
    }
    Optional<AuthenticatedCaller> who = authenticate(tenantSlug, email, password);
    if (who.isEmpty()) {
      throttling.failed(keys);
      return LoginAttempt.refused();
    }
    throttling.succeeded(keys);
    return LoginAttempt.success(who.get());
  }

  /**
   * The account is named by the tenant and the e-mail's blind index. Without a tenant there is no
   * index key; the slug and address are then only hashed (in LoginThrottling), and such a row
   * expires with its window.
   */
  private LoginThrottling.Keys throttleKeys(String tenantSlug, String email, String address) {
    Optional<TenantView> tenant = tenants.findBySlug(tenantSlug).filter(TenantView::admitsLogins);
    Optional<String> index = Optional.empty();
    if (tenant.isPresent()) {
      tenantFilter.bind(tenant.get().id());
      index = users.emailIndex(email);
    }
    if (index.isPresent()) {
      return LoginThrottling.keys(tenant.get().id(), index.get(), address);
    }
    String slug = tenantSlug == null ? "" : tenantSlug.strip().toLowerCase(Locale.ROOT);
    String account = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    return LoginThrottling.keys("unknown:" + slug, account, address);
  }

  /**
   * Whether a caller established earlier (kept in an HTTP session) still stands: the tenant admits
   * the user ({@link TenantView#admits}: an offboarding tenant only its admins), user active and no
   * session-ending change since it logged in. One primary-key read each.
   */
  public boolean isCurrent(AuthenticatedCaller caller) {
    return callers.isCurrent(caller, () -> readIsCurrent(caller));
  }

  private boolean readIsCurrent(AuthenticatedCaller caller) {
    Optional<TenantView> tenant = tenants.find(caller.tenantId()).filter(TenantView::admitsLogins);
    if (tenant.isEmpty()) {
      return false;
    }
    tenantFilter.bind(tenant.get().id());
    return users
        .find(caller.userId())
        .filter(User::active)
        .filter(user -> tenant.get().admits(user.roles()))
        .filter(user -> user.sessionEpoch() == caller.sessionEpoch())
        .isPresent();
  }

  /**
   * Whether the caller's tenant is offboarding: its admins may then reach only the offboarding
   * endpoints and pages (and their own session), which the web enforces per request.
   */
  public boolean isFrozen(AuthenticatedCaller caller) {
    return callers.isFrozen(
        caller.tenantId(),
        () -> tenants.find(caller.tenantId()).map(TenantView::isOffboarding).orElse(false));
  }

  public Optional<AuthenticatedCaller> authenticate(
      String tenantSlug, String email, char[] password) {
    Optional<TenantView> tenant = tenants.findBySlug(tenantSlug).filter(TenantView::admitsLogins);
    Optional<User> user = Optional.empty();
    if (tenant.isPresent()) {
      tenantFilter.bind(tenant.get().id());
      user =
          users
              .findByEmail(email)
              .filter(User::canLogIn)
              .filter(u -> tenant.get().admits(u.roles()));
    }
    String storedHash = user.map(User::passwordHash).orElse(null);
    // The hash is checked even where passwords are refused, so the answer takes the same time.
    boolean ok =
        hasher.verify(password, storedHash) && tenant.isPresent() && !refusesPasswords(tenant);
    audited(ok, tenant, user, PASSWORD);
    if (!ok) {
      return Optional.empty();
    }
    return Optional.of(callerOf(tenant.get(), user.get()));
  }

  /** Where the tenant enforces single sign-on, passwords do not log anybody in. */
  private boolean refusesPasswords(Optional<TenantView> tenant) {
    return tenant.flatMap(t -> sso.find(t.id())).map(TenantSso::refusesPasswords).orElse(false);
  }

  private void audited(
      boolean ok, Optional<TenantView> tenant, Optional<User> user, String method) {
    audit.record( // on its own transaction: a failed attempt is kept whatever happens next
        AuditEvent.login(
                ok,
                tenant.map(TenantView::id).orElse(null),
                tenant.map(TenantView::slug).orElse(null),
                user.map(User::id).orElse(null))
            .detail("method", method));
  }

  /**
   * Login of a person the tenant's identity provider has signed in (ID token validated, address
   * verified or provider trusted). The account pinned to the provider's issuer and subject is the
   * one; without one, the active user with the vouched-for address is linked now and pinned to that
   * subject for good. An address whose account is already pinned to another subject of the same
   * provider is refused (reason {@code subject_mismatch}): that is somebody else, or a provider
   * that lets people choose their address. Throttled and audited like a password login, with method
   * {@code sso}; no account is ever created here.
   */
  public LoginAttempt logInWithProvider(
      String tenantSlug, ProviderIdentity identity, String email, String clientAddress) {
    LoginThrottling.Keys keys = throttleKeys(tenantSlug, email, clientAddress);
    Optional<Duration> wait = throttling.waitFor(keys);
    if (wait.isPresent()) {
      return LoginAttempt.throttled(wait.get());
    }
    Optional<TenantView> tenant = tenants.findBySlug(tenantSlug).filter(TenantView::admitsLogins);
    Optional<User> pinned = Optional.empty();
    Optional<User> byEmail = Optional.empty();
    if (tenant.isPresent()) {
      tenantFilter.bind(tenant.get().id());
      pinned = users.findByProviderSubject(identity.issuer(), identity.subject());
      if (pinned.isEmpty()) {
        byEmail = users.findByEmail(email).filter(User::active);
      }
    }
    if (byEmail.isPresent() && byEmail.get().isLinkedTo(identity.issuer())) {
      audit.record(
          AuditEvent.login(false, tenant.get().id(), tenant.get().slug(), byEmail.get().id())
              .detail("method", SSO)
              .detail("reason", "subject_mismatch"));
      throttling.failed(keys);
      return LoginAttempt.refused();
    }
    Optional<User> user =
        (pinned.isPresent() ? pinned.filter(User::active) : byEmail)
            .filter(u -> tenant.get().admits(u.roles()));
    audited(user.isPresent(), tenant, user, SSO);
    if (user.isEmpty()) {
      throttling.failed(keys);
      return LoginAttempt.refused();
    }
    if (pinned.isEmpty()) {
      link(tenant.get(), user.get(), identity);
    }
    throttling.succeeded(keys);
    return LoginAttempt.success(callerOf(tenant.get(), user.get()));
  }

  /** The first sign-in through the provider pins the account to its subject. */
  private void link(TenantView tenant, User user, ProviderIdentity identity) {
    user.linkProvider(
        identity.issuer(), users.providerSubjectIndex(identity.issuer(), identity.subject()));
    // In this transaction (the login above was recorded on its own already): linked if and only if
    // the pin is stored.
    audit.recordInTransaction(
        AuditEvent.of(Action.SSO_LINKED)
            .tenant(tenant.id(), tenant.slug())
            .actor(user.id())
            .subject("user", user.id()));
  }

  /**
   * A sign-in through the identity provider failed before any address could be trusted (state,
   * token, signature, unverified e-mail...): audited as a failed login with method {@code sso} and
   * the reason code, and counted against the client address only: no account is named, and counting
   * on the tenant would let anyone block everybody's failures into throttling.
   */
  public LoginAttempt providerRefused(String tenantSlug, String clientAddress, String reason) {
    LoginThrottling.Keys keys = LoginThrottling.keys("sso", "", clientAddress);
    Optional<Duration> wait = throttling.waitForAddress(keys);
    Optional<TenantView> tenant = tenants.findBySlug(tenantSlug).filter(TenantView::admitsLogins);
    audit.record(
        AuditEvent.login(
                false,
                tenant.map(TenantView::id).orElse(null),
                tenant.map(TenantView::slug).orElse(null),
                null)
            .detail("method", SSO)
            .detail("reason", reason));
    if (wait.isPresent()) {
      return LoginAttempt.throttled(wait.get());
    }
    throttling.failedFromAddress(keys);
    return LoginAttempt.refused();
  }

  /** Opens an API session for a caller that has just authenticated; returns the bearer token. */
  public String openApiSession(AuthenticatedCaller caller) {
    return tokens.issue(caller.tenantId(), caller.userId());
  }

  /** Resolves a bearer token to its caller, or empty when unknown, expired or deactivated. */
  public Optional<AuthenticatedCaller> resolveApiSession(String token) {
    return callers.bearer(token, () -> readApiSession(token));
  }

  private Optional<CallerCache.Bearer> readApiSession(String token) {
    return tokens
        .resolve(token)
        .flatMap(
            session -> {
              Optional<TenantView> tenant =
                  tenants.find(session.tenantId()).filter(TenantView::admitsLogins);
              if (tenant.isEmpty()) {
                return Optional.empty();
              }
              tenantFilter.bind(tenant.get().id());
              return users
                  .find(session.userId())
                  .filter(User::active)
                  .filter(user -> tenant.get().admits(user.roles()))
                  .map(
                      user ->
                          new CallerCache.Bearer(
                              callerOf(tenant.get(), user), session.expiresAt()));
            });
  }

  /** Logs out one bearer token; recorded as LOGOUT of its user, by id. */
  public void endApiSession(String token) {
    tokens
        .resolve(token)
        .ifPresent(
            session -> {
              Optional<TenantView> tenant = tenants.find(session.tenantId());
              audit.record(
                  AuditEvent.of(Action.LOGOUT)
                      .tenant(session.tenantId(), tenant.map(TenantView::slug).orElse(null))
                      .actor(session.userId())
                      .subject("user", session.userId())
                      .detail("via", "bearer"));
            });
    tokens.revoke(token);
  }

  private static AuthenticatedCaller callerOf(TenantView tenant, User user) {
    return new AuthenticatedCaller(
        tenant.id(), tenant.slug(), user.id(), user.roles(), user.sessionEpoch());
  }
}
