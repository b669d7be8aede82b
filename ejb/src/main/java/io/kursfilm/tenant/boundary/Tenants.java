package io.kursfilm.tenant.boundary;

import io.kursfilm.identity.entity.Role;
import io.kursfilm.tenant.control.TenantProvisioning;
import io.kursfilm.tenant.control.TenantProvisioning.NewUser;
import io.kursfilm.tenant.control.TenantRegistry;
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

  public List<TenantView> list() {
    return registry.all().stream().map(TenantView::of).toList();
  }

  /**
   * Creates a tenant, its key and its first admin. Invitations by e-mail arrive with the identity
   * issue; until then the admin's password is required.
   */
  public TenantView create(String slug, String name, String adminEmail, char[] adminPassword) {
    if (adminPassword == null || adminPassword.length < 12) {
      throw new IllegalArgumentException("adminPassword of at least 12 characters required");
    }
    NewUser admin = new NewUser(adminEmail, null, EnumSet.of(Role.TENANT_ADMIN), adminPassword);
    return TenantView.of(provisioning.provision(slug, name, List.of(admin)));
  }
}
