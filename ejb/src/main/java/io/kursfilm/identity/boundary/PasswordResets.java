package io.kursfilm.identity.boundary;

import io.kursfilm.identity.control.AccountMails;
import io.kursfilm.identity.control.AccountTokens;
import io.kursfilm.identity.control.InvalidLinkException;
import io.kursfilm.identity.control.PasswordHasher;
import io.kursfilm.identity.control.PasswordPolicy;
import io.kursfilm.identity.control.TenantSsoStore;
import io.kursfilm.identity.control.UserDirectory;
import io.kursfilm.identity.entity.TenantSso;
import io.kursfilm.identity.entity.TokenPurpose;
import io.kursfilm.identity.entity.User;
import io.kursfilm.tenant.control.PersonalIndex;
import io.kursfilm.tenant.control.TenantFilter;
import io.kursfilm.tenant.control.TenantRegistry;
import io.kursfilm.tenant.entity.Tenant;
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
 * API sessions of the user.
 */
@Stateless
@PermitAll
public class PasswordResets {

  private static final String EMAIL_INDEX_FIELD = "user.email";

  @Inject LinkHolders links;
  @Inject AccountTokens tokens;
  @Inject AccountMails mails;
  @Inject PasswordPolicy policy;
  @Inject PasswordHasher hasher;
  @Inject UserDirectory users;
  @Inject PersonalIndex index;
  @Inject TenantRegistry tenants;
  @Inject TenantFilter filter;
  @Inject TenantSsoStore sso;

  @Inject
  @ConfigProperty(name = "kursfilm.password-reset.ttl")
  Duration ttl;

  /**
   * Sends a reset link if the account exists and its tenant still accepts passwords (not where
   * sign-in is only through the tenant's identity provider); does and returns nothing observable
   * otherwise.
   */
  public void request(String tenantSlug, String email) {
    Optional<Tenant> tenant = tenants.findBySlug(tenantSlug).filter(Tenant::isActive);
    if (tenant.isEmpty()
        || Tenant.PLATFORM_SLUG.equals(tenant.get().slug())
        || sso.find(tenant.get().id()).map(TenantSso::refusesPasswords).orElse(false)) {
      return;
    }
    filter.bind(tenant.get().id());
    Optional<User> user = users.findByEmail(email).filter(User::active);
    if (user.isEmpty()) {
      return;
    }
    String address = user.get().email();
    String emailIndex = index.of(EMAIL_INDEX_FIELD, address);
    tokens.withdrawPending(tenant.get().id(), TokenPurpose.PASSWORD_RESET, emailIndex);
    AccountTokens.Issued issued =
        tokens.issue(
            tenant.get().id(),
            TokenPurpose.PASSWORD_RESET,
            address,
            emailIndex,
            ttl,
            row -> row.resetting(user.get().id()));
    mails.passwordReset(address, tenant.get().name(), issued.token());
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
    tokens.consume(link.row());
    tokens.revokeApiSessions(user.id());
  }
}
