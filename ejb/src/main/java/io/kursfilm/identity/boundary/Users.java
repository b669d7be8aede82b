package io.kursfilm.identity.boundary;

import io.kursfilm.audit.boundary.Action;
import io.kursfilm.audit.boundary.AuditEvent;
import io.kursfilm.audit.boundary.AuditLog;
import io.kursfilm.identity.control.ApiTokens;
import io.kursfilm.identity.control.ElevationGuard;
import io.kursfilm.identity.control.UserDirectory;
import io.kursfilm.identity.entity.User;
import io.kursfilm.kernel.AuthenticatedCaller;
import io.kursfilm.kernel.Caller;
import io.kursfilm.kernel.ConflictException;
import io.kursfilm.kernel.Role;
import io.kursfilm.kernel.TenantScoped;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The people of the caller's own tenant, as tenant admins see them. */
@Stateless
@TenantScoped
@RolesAllowed(Role.Names.TENANT_ADMIN)
public class Users {

  @Inject UserDirectory directory;
  @Inject AuditLog audit;
  @Inject ApiTokens tokens;
  @Inject Caller caller;
  @Inject ElevationGuard elevation;

  public List<UserView> list() {
    List<UserView> users = directory.all().stream().map(UserView::of).toList();
    audit.record(
        AuditEvent.of(Action.PARTICIPANTS_READ)
            .subject("users", null)
            .detail("count", users.size()));
    return users;
  }

  /**
   * Empty for an id of another tenant, exactly as for one that does not exist. A user found is a
   * read of personal data, audited by id.
   */
  public Optional<UserView> find(String userId) {
    Optional<UserView> found = directory.find(userId).map(UserView::of);
    found.ifPresent(
        user -> audit.record(AuditEvent.of(Action.USER_READ).subject("user", user.id())));
    return found;
  }

  /**
   * Activates or deactivates a user and sets their roles. Deactivation or a change of roles ends
   * all of the user's sessions and bearer tokens at once. Admins cannot lock themselves out: they
   * can neither deactivate themselves nor drop their own TENANT_ADMIN role. Empty for an id of
   * another tenant, exactly as for one that does not exist. An operator acting through an elevation
   * may only take rights away (deactivate, drop roles), never grant or restore them.
   */
  public Optional<UserView> update(String userId, boolean active, Set<Role> roles) {
    if (roles == null || roles.isEmpty()) {
      throw new IllegalArgumentException("roles: at least one role required");
    }
    if (roles.contains(Role.ROOT)) {
      throw new IllegalArgumentException("roles: ROOT is a platform role, not a tenant role");
    }
    Optional<User> found = directory.find(userId);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    AuthenticatedCaller admin = caller.require();
    if (admin.userId().equals(userId) && (!active || !roles.contains(Role.TENANT_ADMIN))) {
      throw new ConflictException(
          "admins cannot deactivate themselves or remove their own TENANT_ADMIN role");
    }
    User user = found.get();
    if (!user.roles().containsAll(roles) || (active && !user.active())) {
      elevation.refuse("Granting roles or re-activating users");
    }
    if (user.administer(active, roles)) {
      tokens.revokeAll(user);
      AuditEvent changed =
          AuditEvent.of(Action.ROLE_CHANGED).subject("user", user.id()).detail("active", active);
      roles.stream().sorted().forEach(role -> changed.detail("role." + role.name(), "granted"));
      audit.recordInTransaction(changed);
    }
    return Optional.of(UserView.of(user));
  }
}
