package io.kursfilm.kernel;

import java.io.Serializable;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who is calling, as established at login: ids only, no personal data, so it can sit in an HTTP
 * session. {@code sessionEpoch} is the user's session epoch at login; once the user's epoch has
 * moved on, the session is over. {@code elevationId} is set only for a platform operator acting in
 * a tenant through an elevation (one request at a time, never stored in a session), so boundaries
 * can refuse what an elevation must not do and the audit log can name the elevation.
 */
public record AuthenticatedCaller(
    String tenantId,
    String tenantSlug,
    String userId,
    Set<Role> roles,
    long sessionEpoch,
    String elevationId)
    implements Serializable {

  public AuthenticatedCaller {
    roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
  }

  /** A caller acting with their own rights (not through an elevation). */
  public AuthenticatedCaller(
      String tenantId, String tenantSlug, String userId, Set<Role> roles, long sessionEpoch) {
    this(tenantId, tenantSlug, userId, roles, sessionEpoch, null);
  }

  /** A caller at the first session epoch (tests, callers that never log in through a session). */
  public AuthenticatedCaller(String tenantId, String tenantSlug, String userId, Set<Role> roles) {
    this(tenantId, tenantSlug, userId, roles, 0L, null);
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }

  /** Whether a platform operator acts in this tenant through an elevation. */
  public boolean isElevated() {
    return elevationId != null;
  }

  /** Role names as Jakarta Security groups. */
  public Set<String> groups() {
    return roles.stream().map(Role::name).collect(Collectors.toSet());
  }
}
