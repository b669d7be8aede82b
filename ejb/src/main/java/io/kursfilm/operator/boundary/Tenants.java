package io.kursfilm.operator.boundary;

import io.kursfilm.identity.boundary.FirstUsers;
import io.kursfilm.identity.boundary.FirstUsers.NewUser;
import io.kursfilm.kernel.Role;
import io.kursfilm.tenant.boundary.TenantDirectory;
import io.kursfilm.tenant.boundary.TenantProvisioning;
import io.kursfilm.tenant.boundary.TenantView;
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
  @Inject TenantDirectory directory;
  @Inject FirstUsers firstUsers;

  public List<TenantView> list() {
    return directory.all();
  }

  /**
   * Creates a tenant, its key and its first admin. With a password (checked by the password policy)
   * the admin can log in at once; without one the admin is invited by e-mail.
   */
  public TenantView create(String slug, String name, String adminEmail, char[] adminPassword) {
    // Refuse a bad address or password before the tenant exists, so none is left without admin.
    firstUsers.check(adminEmail, adminPassword);
    if (adminPassword != null) {
      NewUser admin = new NewUser(adminEmail, null, EnumSet.of(Role.TENANT_ADMIN), adminPassword);
      return provisioning.provision(slug, name, id -> firstUsers.create(id, List.of(admin)));
    }
    TenantView tenant = provisioning.provision(slug, name, id -> 0);
    firstUsers.inviteAdmin(tenant.id(), adminEmail);
    return tenant;
  }
}
