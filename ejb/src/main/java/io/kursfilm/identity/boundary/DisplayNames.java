package io.kursfilm.identity.boundary;

import io.kursfilm.identity.control.UserDirectory;
import io.kursfilm.kernel.Role;
import io.kursfilm.kernel.TenantScoped;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.Map;

/**
 * The names colleagues see of each other where they work together (who commented, who uploaded):
 * display names only, of the caller's own tenant, never an address. Unknown ids (another tenant's,
 * erased users) map to nothing.
 */
@Stateless
@TenantScoped
@RolesAllowed({Role.Names.TRAINER, Role.Names.CRITIC, Role.Names.TENANT_ADMIN})
public class DisplayNames {

  @Inject UserDirectory users;

  public Map<String, String> of(Collection<String> userIds) {
    return users.displayNames(userIds);
  }
}
