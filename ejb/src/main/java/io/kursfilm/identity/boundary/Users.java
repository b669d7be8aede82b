package io.kursfilm.identity.boundary;

import io.kursfilm.audit.boundary.AuditLog;
import io.kursfilm.audit.entity.Action;
import io.kursfilm.audit.entity.AuditEvent;
import io.kursfilm.identity.control.UserDirectory;
import io.kursfilm.identity.entity.Role;
import io.kursfilm.tenant.control.TenantScoped;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/** The people of the caller's own tenant, as tenant admins see them. */
@Stateless
@TenantScoped
@RolesAllowed(Role.Names.TENANT_ADMIN)
public class Users {

  @Inject UserDirectory directory;
  @Inject AuditLog audit;

  public List<UserView> list() {
    List<UserView> users = directory.all().stream().map(UserView::of).toList();
    audit.record(
        AuditEvent.of(Action.PARTICIPANTS_READ)
            .subject("users", null)
            .detail("count", users.size()));
    return users;
  }

  /** Empty for an id of another tenant, exactly as for one that does not exist. */
  public Optional<UserView> find(String userId) {
    return directory.find(userId).map(UserView::of);
  }
}
