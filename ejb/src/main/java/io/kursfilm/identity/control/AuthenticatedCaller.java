package io.kursfilm.identity.control;

import io.kursfilm.identity.entity.Role;
import java.io.Serializable;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who is calling, as established at login: ids only, no personal data, so it can sit in an HTTP
 * session. {@code sessionEpoch} is the user's session epoch at login; once the user's epoch has
 * moved on, the session is over.
 */
public record AuthenticatedCaller(
    String tenantId, String tenantSlug, String userId, Set<Role> roles, long sessionEpoch)
    implements Serializable {

  public AuthenticatedCaller {
    roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
  }

  /** A caller at the first session epoch (tests, callers that never log in through a session). */
  public AuthenticatedCaller(String tenantId, String tenantSlug, String userId, Set<Role> roles) {
    this(tenantId, tenantSlug, userId, roles, 0L);
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }

  /** Role names as Jakarta Security groups. */
  public Set<String> groups() {
    return roles.stream().map(Role::name).collect(Collectors.toSet());
  }
}
