package io.kursfilm.identity.boundary;

import io.kursfilm.identity.control.UserDirectory;
import io.kursfilm.identity.entity.User;
import io.kursfilm.kernel.Role;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/**
 * The people of the bound tenant that components above identity write to (the notification
 * component): who holds a role, and where and in which language to reach one person. It checks no
 * role: it runs inside a transaction whose tenant a boundary has already bound, on behalf of the
 * system rather than of the caller. The web never uses it (WebArchitectureTest), since it would let
 * any caller read any address of their tenant.
 */
@Dependent
public class Recipients {

  /**
   * Where to reach a person.
   *
   * @param language the UI language they picked ({@code de}, {@code en}); null when they never did
   */
  public record Recipient(String userId, String email, String language) {}

  @Inject UserDirectory directory;

  /** Ids of the active users of the bound tenant who hold {@code role}. */
  public List<String> activeWith(Role role) {
    return directory.activeIdsWith(role);
  }

  /** Address and language of an active user of the bound tenant; empty when gone or inactive. */
  public Optional<Recipient> active(String userId) {
    return directory
        .find(userId)
        .filter(User::active)
        .map(u -> new Recipient(u.id(), u.email(), u.language().orElse(null)));
  }
}
