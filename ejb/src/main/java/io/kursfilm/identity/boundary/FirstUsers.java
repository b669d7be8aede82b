package io.kursfilm.identity.boundary;

import io.kursfilm.audit.boundary.Action;
import io.kursfilm.audit.boundary.AuditEvent;
import io.kursfilm.audit.boundary.AuditLog;
import io.kursfilm.identity.control.InvitationIssuer;
import io.kursfilm.identity.control.UserDirectory;
import io.kursfilm.identity.entity.User;
import io.kursfilm.kernel.Role;
import io.kursfilm.kernel.TenantFilter;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The accounts a new tenant starts with, made by the platform operator (or the demo seed) while the
 * tenant is provisioned. Joins the provisioning transaction: the accounts exist if and only if the
 * tenant does. Recorded on the platform chain, since the operator made them.
 */
@Dependent
public class FirstUsers {

  /** A user to create together with the tenant. */
  public record NewUser(String email, String displayName, Set<Role> roles, char[] password) {}

  @Inject UserDirectory users;
  @Inject InvitationIssuer invitations;
  @Inject PasswordPolicy policy;
  @Inject TenantFilter filter;
  @Inject AuditLog audit;

  /** Refuses a bad address or a weak password before any tenant exists. */
  public void check(String email, char[] password) {
    User.normaliseEmail(email);
    if (password != null) {
      policy.check(password);
    }
  }

  /** Creates the users in the tenant bound to the transaction; returns how many. */
  @Transactional(Transactional.TxType.MANDATORY)
  public int create(String tenantId, List<NewUser> newUsers) {
    for (NewUser u : newUsers) {
      String userId = users.create(u.email(), u.displayName(), u.roles(), u.password()).id();
      audit.recordInTransaction(
          AuditEvent.of(Action.USER_CREATED)
              .platform()
              .subject("user", userId)
              .detail("tenant", tenantId));
    }
    return newUsers.size();
  }

  /** Invites the first admin of a tenant that exists by e-mail. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void inviteAdmin(String tenantId, String email) {
    filter.bind(tenantId);
    invitations.invite(email, null, EnumSet.of(Role.TENANT_ADMIN));
  }

  /** Marks every user of the tenant as verified (the demo seed's addresses are made up). */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void verifyAllAddresses(String tenantId) {
    filter.bind(tenantId);
    users.all().forEach(User::emailVerified);
  }
}
