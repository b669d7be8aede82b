package io.kursfilm.identity.control;

import io.kursfilm.identity.entity.AccountToken;
import io.kursfilm.identity.entity.TokenPurpose;
import io.kursfilm.identity.entity.User;
import io.kursfilm.kernel.ConflictException;
import io.kursfilm.kernel.FreeText;
import io.kursfilm.kernel.Role;
import io.kursfilm.kernel.TenantContext;
import io.kursfilm.tenant.boundary.PersonalIndex;
import io.kursfilm.tenant.boundary.TenantDirectory;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Invites a person into the tenant bound to the transaction: one pending invitation per address
 * (inviting again replaces the old link), mailed at once. The user is created only when the invitee
 * accepts, so an unanswered invitation leaves no account behind.
 */
@Dependent
public class InvitationIssuer {

  /** Same field as {@link UserDirectory}'s index, so token and user indexes can be compared. */
  static final String EMAIL_INDEX_FIELD = "user.email";

  /** An invitation just sent; {@code link} only when {@code kursfilm.mail.show-links} is on. */
  public record Invited(
      String id,
      String email,
      String displayName,
      Set<Role> roles,
      Instant expiresAt,
      Optional<String> link) {}

  @Inject AccountTokens tokens;
  @Inject UserDirectory users;
  @Inject PersonalIndex index;
  @Inject TenantContext context;
  @Inject TenantDirectory tenants;
  @Inject AccountMails mails;

  @Inject
  @ConfigProperty(name = "kursfilm.invitation.ttl")
  Duration ttl;

  /**
   * Why this invitation cannot be made, or empty when it can. Checked before anything is written,
   * so a bad CSV line never rolls back the good ones.
   */
  public Optional<String> problem(String email, String displayName, Set<Role> roles) {
    String normalised;
    try {
      normalised = User.normaliseEmail(email);
    } catch (IllegalArgumentException e) {
      return Optional.of("not an e-mail address");
    }
    if (roles == null || roles.isEmpty()) {
      return Optional.of("at least one role required");
    }
    if (roles.contains(Role.ROOT)) {
      return Optional.of("role ROOT cannot be given by invitation");
    }
    if (displayName != null && displayName.length() > 200) {
      return Optional.of("display name longer than 200 characters");
    }
    try {
      FreeText.line("display name", displayName);
    } catch (IllegalArgumentException e) {
      return Optional.of(e.getMessage());
    }
    if (users.findByEmail(normalised).isPresent()) {
      return Optional.of("a user with this e-mail exists");
    }
    return Optional.empty();
  }

  /** Invites after {@link #problem} found nothing; a problem still found is a 400 or 409. */
  public Invited invite(String email, String displayName, Set<Role> roles) {
    Optional<String> problem = problem(email, displayName, roles);
    if (problem.isPresent()) {
      if (problem.get().startsWith("a user")) {
        throw new ConflictException(problem.get());
      }
      throw new IllegalArgumentException(problem.get());
    }
    String tenantId = context.require();
    String normalised = User.normaliseEmail(email);
    String name = displayName == null || displayName.isBlank() ? null : displayName.strip();
    String emailIndex = index.of(EMAIL_INDEX_FIELD, normalised);
    tokens.withdrawPending(tenantId, TokenPurpose.INVITATION, emailIndex);
    AccountTokens.Issued issued =
        tokens.issue(
            tenantId,
            TokenPurpose.INVITATION,
            normalised,
            emailIndex,
            ttl,
            row -> row.invitingAs(tokens.seal(row, AccountTokens.NAME_FIELD, name), roles));
    String tenantName =
        tenants.find(tenantId).orElseThrow(() -> new IllegalStateException("no tenant")).name();
    Optional<String> link = mails.invitation(normalised, tenantName, issued.token());
    AccountToken row = issued.row();
    return new Invited(row.id(), normalised, name, row.invitedRoles(), row.expiresAt(), link);
  }
}
