package io.kursfilm.identity.boundary;

import io.kursfilm.identity.control.ApiTokens;
import io.kursfilm.identity.control.UserDirectory;
import io.kursfilm.identity.entity.User;
import io.kursfilm.kernel.Role;
import io.kursfilm.kernel.TenantFilter;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A tenant's people as the offboarding component needs them, called by its boundary (which checks
 * that the caller is the tenant's admin) and by its export job (no caller): the tenant is bound
 * from the argument. Ending sessions and the user list of the export; no password hashes, no second
 * factors, nothing but what the users page shows.
 */
@Stateless
public class TenantMembers {

  @Inject TenantFilter filter;
  @Inject UserDirectory directory;
  @Inject ApiTokens tokens;

  /**
   * Ends the browser sessions and bearer tokens of every user who is not a TENANT_ADMIN, when the
   * tenant is frozen for its offboarding; returns how many users. Call before the freeze: a frozen
   * tenant's rows are not written any more.
   */
  public int endSessionsExceptAdmins(String tenantId) {
    filter.bind(tenantId);
    List<User> ending =
        directory.all().stream().filter(u -> !u.roles().contains(Role.TENANT_ADMIN)).toList();
    ending.forEach(User::endSessions);
    tokens.revokeAll(tenantId, ending);
    return ending.size();
  }

  /** Display names by user id, for the export's results files (like {@link DisplayNames}). */
  public java.util.Map<String, String> displayNames(
      String tenantId, java.util.Collection<String> userIds) {
    filter.bind(tenantId);
    return directory.displayNames(userIds);
  }

  /** {@code [{"id","email","displayName","roles":[…],"active"}]} of every user, by e-mail. */
  public byte[] usersJson(String tenantId) {
    filter.bind(tenantId);
    JsonArrayBuilder all = Json.createArrayBuilder();
    for (User user : directory.all()) {
      JsonArrayBuilder roles = Json.createArrayBuilder();
      user.roles().stream().sorted().forEach(r -> roles.add(r.name()));
      all.add(
          Json.createObjectBuilder()
              .add("id", user.id())
              .add("email", user.email())
              .add("displayName", user.displayName())
              .add("roles", roles)
              .add("active", user.active()));
    }
    return all.build().toString().getBytes(StandardCharsets.UTF_8);
  }
}
