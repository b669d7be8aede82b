package io.kursfilm.identity.boundary;

import io.kursfilm.audit.boundary.Action;
import io.kursfilm.audit.boundary.AuditEvent;
import io.kursfilm.audit.boundary.AuditLog;
import io.kursfilm.identity.control.AccountMails;
import io.kursfilm.identity.control.AccountTokens;
import io.kursfilm.identity.control.ApiTokens;
import io.kursfilm.identity.control.PasswordHasher;
import io.kursfilm.identity.control.ResetThrottling;
import io.kursfilm.identity.control.TenantSsoStore;
import io.kursfilm.identity.control.UserDirectory;
import io.kursfilm.identity.entity.TenantSso;
import io.kursfilm.identity.entity.TokenPurpose;
import io.kursfilm.identity.entity.User;
import io.kursfilm.kernel.TenantFilter;
import io.kursfilm.kernel.TenantSlugs;
import io.kursfilm.tenant.boundary.PersonalIndex;
import io.kursfilm.tenant.boundary.TenantDirectory;
import io.kursfilm.tenant.boundary.TenantView;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * "Forgot password": anyone may ask for a reset link for a tenant and address; the answer never
 * says whether the account exists (the mail goes out asynchronously, so timing does not tell
 * either). Using the link sets a new password under the policy, verifies the address and ends all
 * sessions of the user, UI sessions and bearer tokens alike. Requests and resets are audited.
 */
@Stateless
@PermitAll
public class PasswordResets {

  private static final String EMAIL_INDEX_FIELD = "user.email";

  @Inject LinkHolders links;
  @Inject AccountTokens tokens;
  @Inject ApiTokens apiTokens;
  @Inject AccountMails mails;
  @Inject PasswordPolicy policy;
  @Inject PasswordHasher hasher;
  @Inject UserDirectory users;
  @Inject PersonalIndex index;
  @Inject TenantDirectory tenants;
  @Inject TenantFilter filter;
  @Inject TenantSsoStore sso;
  @Inject ResetThrottling throttling;
  @Inject AuditLog audit;

  @Inject
  @ConfigProperty(name = "kursfilm.password-reset.ttl")
  Duration ttl;

  /**
   * Sends a reset link if the account exists and its tenant still accepts passwords (not where
   * sign-in is only through the tenant's identity provider); does nothing else observable
   * otherwise. Requests are throttled per account and per client address ({@link ResetThrottling}),
   * alike for existing and unknown accounts; every request admitted is audited (the account by id
   * when it exists).
   *
   * @return empty when the request was taken, else how long the client must wait
   */
  public Optional<Duration> request(String tenantSlug, String email, String clientAddress) {
    Optional<TenantView> tenant = tenants.findBySlug(tenantSlug).filter(TenantView::isActive);
    tenant.ifPresent(t -> filter.bind(t.id()));
    Optional<Duration> wait = throttling.admit(tenant, tenantSlug, email, clientAddress);
    if (wait.isPresent()) {
      return wait;
    }
    Optional<User> user =
        tenant
            .filter(this::acceptsPasswords)
            .flatMap(t -> users.findByEmail(email))
            .filter(User::active);
    AuditEvent asked = AuditEvent.of(Action.PASSWORD_RESET_REQUESTED);
    tenant.ifPresentOrElse(t -> asked.tenant(t.id(), t.slug()), asked::platform);
    user.ifPresent(u -> asked.subject("user", u.id()));
    audit.recordInTransaction(asked);
    user.ifPresent(u -> sendLink(tenant.get(), u));
    return Optional.empty();
  }

  private boolean acceptsPasswords(TenantView tenant) {
    return !TenantSlugs.PLATFORM.equals(tenant.slug())
        && !sso.find(tenant.id()).map(TenantSso::refusesPasswords).orElse(false);
  }

  private void sendLink(TenantView tenant, User user) {
    String address = user.email();
    String emailIndex = index.of(EMAIL_INDEX_FIELD, address);
    tokens.withdrawPending(tenant.id(), TokenPurpose.PASSWORD_RESET, emailIndex);
    AccountTokens.Issued issued =
        tokens.issue(
            tenant.id(),
            TokenPurpose.PASSWORD_RESET,
            address,
            emailIndex,
            ttl,
            row -> row.resetting(user.id()));
    mails.passwordReset(address, tenant.name(), issued.token());
  }

  public Optional<LinkPreview> preview(String token) {
    return links.preview(token, TokenPurpose.PASSWORD_RESET);
  }

  public void reset(String tenantSlug, String token, char[] newPassword) {
    policy.check(newPassword);
    LinkHolders.Resolved link = links.resolve(tenantSlug, token, TokenPurpose.PASSWORD_RESET);
    User user =
        users
            .find(link.row().userId())
            .filter(User::active)
            .filter(u -> index.of(EMAIL_INDEX_FIELD, u.email()).equals(link.row().emailIndex()))
            .orElseThrow(InvalidLinkException::new);
    user.setPasswordHash(hasher.hash(newPassword));
    user.emailVerified();
    // Whoever knew the old password may hold a session: UI sessions and bearer tokens end alike.
    user.endSessions();
    tokens.consume(link.row());
    apiTokens.revokeAll(user);
    audit.recordInTransaction(
        AuditEvent.of(Action.PASSWORD_RESET)
            .tenant(link.tenant().id(), link.tenant().slug())
            .actor(user.id())
            .subject("user", user.id()));
  }
}
