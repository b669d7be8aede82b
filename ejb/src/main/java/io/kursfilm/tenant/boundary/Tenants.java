package io.kursfilm.tenant.boundary;

import io.kursfilm.identity.control.InvitationIssuer;
import io.kursfilm.identity.control.PasswordPolicy;
import io.kursfilm.identity.entity.Role;
import io.kursfilm.identity.entity.User;
import io.kursfilm.tenant.control.TenantFilter;
import io.kursfilm.tenant.control.TenantProvisioning;
import io.kursfilm.tenant.control.TenantProvisioning.NewUser;
import io.kursfilm.tenant.control.TenantRegistry;
import io.kursfilm.tenant.entity.Tenant;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.EnumSet;
import java.util.List;

/** Customer companies, as the platform operator manages them. */
@Stateless
@RolesAllowed(Role.Names.ROOT)
public class Tenants {

  @Inject TenantProvisioning provisioning;
  @Inject TenantRegistry registry;
  @Inject PasswordPolicy policy;
  @Inject InvitationIssuer invitations;
  @Inject TenantFilter filter;

  public List<TenantView> list() {
    return registry.all().stream().map(TenantView::of).toList();
  }

  /**
   * Creates a tenant, its key and its first admin. With a password (checked by the password policy)
   * the admin can log in at once; without one the admin is invited by e-mail.
   */
  public TenantView create(String slug, String name, String adminEmail, char[] adminPassword) {
    if (adminPassword != null) {
      policy.check(adminPassword);
      NewUser admin = new NewUser(adminEmail, null, EnumSet.of(Role.TENANT_ADMIN), adminPassword);
      return TenantView.of(provisioning.provision(slug, name, List.of(admin)));
    }
    // Refuse a bad address before the tenant exists, so no tenant is left without its admin.
    User.normaliseEmail(adminEmail);
    Tenant tenant = provisioning.provision(slug, name, List.of());
    filter.bind(tenant.id());
    invitations.invite(adminEmail, null, EnumSet.of(Role.TENANT_ADMIN));
    return TenantView.of(tenant);
  }
}
