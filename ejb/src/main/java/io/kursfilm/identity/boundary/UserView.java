package io.kursfilm.identity.boundary;

import io.kursfilm.identity.entity.User;
import io.kursfilm.kernel.Role;
import java.util.Set;

/** What the outside sees of a user. */
public record UserView(
    String id, String email, String displayName, Set<Role> roles, boolean active) {

  public static UserView of(User user) {
    return new UserView(user.id(), user.email(), user.displayName(), user.roles(), user.active());
  }
}
