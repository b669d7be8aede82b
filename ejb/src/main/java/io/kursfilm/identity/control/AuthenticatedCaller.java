package io.kursfilm.identity.control;

import io.kursfilm.identity.entity.Role;
import java.io.Serializable;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who is calling, as established at login: ids only, no personal data, so it can sit in an HTTP
 * session.
 */
public record AuthenticatedCaller(
    String tenantId, String tenantSlug, String userId, Set<Role> roles) implements Serializable {

  public AuthenticatedCaller {
    roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }

  /** Role names as Jakarta Security groups. */
  public Set<String> groups() {
    return roles.stream().map(Role::name).collect(Collectors.toSet());
  }
}
