package io.kursfilm.identity.boundary;

import io.kursfilm.audit.boundary.AuditLog;
import io.kursfilm.audit.entity.AuditEvent;
import io.kursfilm.identity.control.ApiTokens;
import io.kursfilm.identity.control.AuthenticatedCaller;
import io.kursfilm.identity.control.PasswordHasher;
import io.kursfilm.identity.control.UserDirectory;
import io.kursfilm.identity.entity.User;
import io.kursfilm.tenant.control.TenantFilter;
import io.kursfilm.tenant.control.TenantRegistry;
import io.kursfilm.tenant.entity.Tenant;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Checks credentials and bearer tokens. Every failure looks the same to the outside and costs the
 * same work, whether the tenant, the user or the password was wrong.
 */
@Stateless
@PermitAll
public class Authentication {

  @Inject TenantRegistry tenants;
  @Inject TenantFilter tenantFilter;
  @Inject UserDirectory users;
  @Inject PasswordHasher hasher;
  @Inject ApiTokens tokens;
  @Inject AuditLog audit;

  public Optional<AuthenticatedCaller> authenticate(
      String tenantSlug, String email, char[] password) {
    Optional<Tenant> tenant = tenants.findBySlug(tenantSlug).filter(Tenant::isActive);
    Optional<User> user = Optional.empty();
    if (tenant.isPresent()) {
      tenantFilter.bind(tenant.get().id());
      user = users.findByEmail(email).filter(User::canLogIn);
    }
    String storedHash = user.map(User::passwordHash).orElse(null);
    boolean ok = hasher.verify(password, storedHash) && tenant.isPresent();
    audit.record( // on its own transaction: a failed attempt is kept whatever happens next
        AuditEvent.login(
            ok,
            tenant.map(Tenant::id).orElse(null),
            tenant.map(Tenant::slug).orElse(null),
            user.map(User::id).orElse(null)));
    if (!ok) {
      return Optional.empty();
    }
    return Optional.of(callerOf(tenant.get(), user.get()));
  }

  /** Opens an API session for a caller that has just authenticated; returns the bearer token. */
  public String openApiSession(AuthenticatedCaller caller) {
    return tokens.issue(caller.tenantId(), caller.userId());
  }

  /** Resolves a bearer token to its caller, or empty when unknown, expired or deactivated. */
  public Optional<AuthenticatedCaller> resolveApiSession(String token) {
    return tokens
        .resolve(token)
        .flatMap(
            session -> {
              Optional<Tenant> tenant = tenants.find(session.tenantId()).filter(Tenant::isActive);
              if (tenant.isEmpty()) {
                return Optional.empty();
              }
              tenantFilter.bind(tenant.get().id());
              return users
                  .find(session.userId())
                  .filter(User::active)
                  .map(user -> callerOf(tenant.get(), user));
            });
  }

  public void endApiSession(String token) {
    tokens.revoke(token);
  }

  private static AuthenticatedCaller callerOf(Tenant tenant, User user) {
    return new AuthenticatedCaller(tenant.id(), tenant.slug(), user.id(), user.roles());
  }
}
