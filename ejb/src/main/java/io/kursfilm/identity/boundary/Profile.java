package io.kursfilm.identity.boundary;

import io.kursfilm.identity.control.AuthenticatedCaller;
import io.kursfilm.identity.control.Caller;
import io.kursfilm.identity.control.NotAuthenticatedException;
import io.kursfilm.identity.control.UserDirectory;
import io.kursfilm.tenant.control.TenantScoped;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/** The caller's own account. */
@Stateless
@TenantScoped
@PermitAll
public class Profile {

  @Inject Caller caller;
  @Inject UserDirectory directory;

  public record Me(String tenant, String email, String displayName, java.util.Set<String> roles) {}

  public Me me() {
    AuthenticatedCaller who = caller.require();
    var user = directory.find(who.userId()).orElseThrow(NotAuthenticatedException::new);
    return new Me(who.tenantSlug(), user.email(), user.displayName(), who.groups());
  }
}
