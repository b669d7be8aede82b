package io.kursfilm.identity.boundary;

import io.kursfilm.audit.boundary.Action;
import io.kursfilm.audit.boundary.AuditEvent;
import io.kursfilm.audit.boundary.AuditLog;
import io.kursfilm.identity.control.AccountTokens;
import io.kursfilm.identity.control.ProviderIdentity;
import io.kursfilm.identity.control.UserDirectory;
import io.kursfilm.identity.entity.AccountToken;
import io.kursfilm.identity.entity.TokenPurpose;
import io.kursfilm.identity.entity.User;
import io.kursfilm.kernel.ConflictException;
import io.kursfilm.tenant.boundary.PersonalIndex;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * The invitee's side of an invitation, open to anyone who holds the link: look at it (does not
 * consume it), then accept it by choosing a password, which creates the user with the invited roles
 * and counts as proof that the address reaches them.
 */
@Stateless
@PermitAll
public class InvitationAcceptance {

  /** The account the invitation became. */
  public record Accepted(String tenant, String email) {}

  @Inject LinkHolders links;
  @Inject AccountTokens tokens;
  @Inject PasswordPolicy policy;
  @Inject UserDirectory users;
  @Inject PersonalIndex index;
  @Inject AuditLog audit;

  public Optional<LinkPreview> preview(String token) {
    return links.preview(token, TokenPurpose.INVITATION);
  }

  /**
   * Accepts an invitation by signing in at the tenant's identity provider instead of choosing a
   * password: the address the provider vouched for must be the invited one. The user gets the
   * invited roles and no password, and is pinned to the provider's subject: they log in through the
   * provider, as that subject, from then on.
   */
  public Accepted acceptWithProvider(
      String tenantSlug, String token, ProviderIdentity identity, String providerEmail) {
    LinkHolders.Resolved link = links.resolve(tenantSlug, token, TokenPurpose.INVITATION);
    AccountToken row = link.row();
    String email = tokens.email(row);
    if (!index.of("user.email", email).equals(row.emailIndex())
        || users.emailIndex(providerEmail).filter(row.emailIndex()::equals).isEmpty()) {
      throw new InvalidLinkException();
    }
    if (users.findByEmail(email).isPresent()) {
      throw new ConflictException("a user with this e-mail exists");
    }
    if (users.findByProviderSubject(identity.issuer(), identity.subject()).isPresent()) {
      throw new ConflictException("this company account already belongs to a user");
    }
    User user = users.create(email, tokens.displayName(row), row.invitedRoles(), null);
    user.emailVerified();
    user.linkProvider(
        identity.issuer(), users.providerSubjectIndex(identity.issuer(), identity.subject()));
    tokens.consume(row);
    created(link, user);
    audit.recordInTransaction(
        AuditEvent.of(Action.SSO_LINKED)
            .tenant(link.tenant().id(), link.tenant().slug())
            .actor(user.id())
            .subject("user", user.id()));
    return new Accepted(link.tenant().slug(), email);
  }

  /** The new account, by id, with the invitation it came from; the newcomer is the actor. */
  private void created(LinkHolders.Resolved link, User user) {
    audit.recordInTransaction(
        AuditEvent.of(Action.USER_CREATED)
            .tenant(link.tenant().id(), link.tenant().slug())
            .actor(user.id())
            .subject("user", user.id())
            .detail("invitation", link.row().id()));
  }

  /** Refuses a link of another tenant, a used, expired or tampered one with the same error. */
  public Accepted accept(String tenantSlug, String token, char[] password) {
    policy.check(password);
    LinkHolders.Resolved link = links.resolve(tenantSlug, token, TokenPurpose.INVITATION);
    AccountToken row = link.row();
    String email = tokens.email(row);
    // The sealed address must still be the one the link was bound to.
    if (!index.of("user.email", email).equals(row.emailIndex())) {
      throw new InvalidLinkException();
    }
    if (users.findByEmail(email).isPresent()) {
      throw new ConflictException("a user with this e-mail exists");
    }
    User user = users.create(email, tokens.displayName(row), row.invitedRoles(), password);
    user.emailVerified();
    tokens.consume(row);
    created(link, user);
    return new Accepted(link.tenant().slug(), email);
  }
}
