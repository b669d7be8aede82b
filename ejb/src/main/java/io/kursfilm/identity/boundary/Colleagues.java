package io.kursfilm.identity.boundary;

import io.kursfilm.identity.control.UserDirectory;
import io.kursfilm.identity.entity.User;
import io.kursfilm.kernel.Role;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The people of the bound tenant as the learning component needs them: which ids are active users,
 * who has an address, their display names. Like {@link Recipients} it checks no role: it runs
 * inside a boundary of another component that has checked the caller and bound the tenant, and the
 * web never uses it (WebArchitectureTest).
 */
@Dependent
public class Colleagues {

  /** Ids bound into one IN list: well below MariaDB's placeholder limit. */
  private static final int IDS_PER_QUERY = 1000;

  @PersistenceContext(unitName = "kursfilm")
  EntityManager em;

  @Inject UserDirectory directory;

  /** The ids among {@code userIds} that are active users of the bound tenant; no column opened. */
  public Set<String> active(Collection<String> userIds) {
    List<String> ids = userIds.stream().distinct().toList();
    Set<String> active = new HashSet<>();
    for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
      active.addAll(
          em.createQuery(
                  "select u.id from User u where u.active = true and u.id in :ids", String.class)
              .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY)))
              .getResultList());
    }
    return active;
  }

  /** The id of the user of the bound tenant with this address (found by its blind index). */
  public Optional<String> idOf(String email) {
    return directory.findByEmail(email).map(User::id);
  }

  /** An active person of the tenant as assigning shows them. */
  public record Colleague(String id, String name, String email) {}

  /** The active users of the bound tenant who hold {@code role}, by e-mail. */
  public List<Colleague> activeWith(Role role) {
    return directory.all().stream()
        .filter(u -> u.active() && u.roles().contains(role))
        .map(u -> new Colleague(u.id(), u.displayName(), u.email()))
        .toList();
  }

  /** Display names by id; unknown ids are left out. */
  public Map<String, String> displayNames(Collection<String> userIds) {
    return directory.displayNames(userIds);
  }
}
