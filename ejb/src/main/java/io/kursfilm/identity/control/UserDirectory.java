package io.kursfilm.identity.control;

import io.kursfilm.identity.entity.User;
import io.kursfilm.kernel.CacheNotice;
import io.kursfilm.kernel.ConflictException;
import io.kursfilm.kernel.PersonalData;
import io.kursfilm.kernel.Role;
import io.kursfilm.tenant.boundary.PersonalIndex;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Users of the tenant bound to the current transaction. Knows nothing about who calls; the boundary
 * has bound the tenant before it gets here.
 */
@Dependent
public class UserDirectory {

  private static final String EMAIL = "user.email";
  private static final String SSO_SUBJECT = "user.sso-subject";

  /** Ids bound into one IN list: well below MariaDB's placeholder limit, short statements. */
  private static final int IDS_PER_QUERY = 1000;

  @PersistenceContext(unitName = "kursfilm")
  EntityManager em;

  @Inject PasswordHasher hasher;
  @Inject PersonalIndex index;
  @Inject Event<CacheNotice> notices;
  @Inject Clock clock;

  public Optional<User> find(String userId) {
    return Optional.ofNullable(em.find(User.class, userId));
  }

  /**
   * The display names of the users with these ids, by id; ids of no user of the tenant are left
   * out. One query per {@value #IDS_PER_QUERY} ids and one tenant look-up for all, instead of a
   * find (and its roles) per user.
   */
  public Map<String, String> displayNames(Collection<String> userIds) {
    List<String> ids = userIds.stream().filter(Objects::nonNull).distinct().toList();
    Map<String, String> names = new HashMap<>();
    if (ids.isEmpty()) {
      return names;
    }
    PersonalData.Opener opener = PersonalData.opener();
    for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
      List<Object[]> rows =
          em.createNamedQuery(User.SEALED_DISPLAY_NAMES, Object[].class)
              .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY)))
              .getResultList();
      for (Object[] row : rows) {
        String id = (String) row[0];
        names.put(id, User.openDisplayName(opener, id, (String) row[1]));
      }
    }
    return names;
  }

  public Optional<User> findByEmail(String email) {
    String normalised;
    try {
      normalised = User.normaliseEmail(email);
    } catch (IllegalArgumentException notAnAddress) {
      return Optional.empty();
    }
    return em.createNamedQuery(User.FIND_BY_EMAIL_INDEX, User.class)
        .setParameter("emailIndex", index.of(EMAIL, normalised))
        .getResultStream()
        .findFirst();
  }

  /**
   * The blind index of an e-mail address in the bound tenant, whether or not a user has it; empty
   * when it is not an address at all.
   */
  public Optional<String> emailIndex(String email) {
    try {
      return Optional.of(index.of(EMAIL, User.normaliseEmail(email)));
    } catch (IllegalArgumentException notAnAddress) {
      return Optional.empty();
    }
  }

  /** The user pinned to {@code subject} of the identity provider {@code issuer}, if any. */
  public Optional<User> findByProviderSubject(String issuer, String subject) {
    return em.createNamedQuery(User.FIND_BY_SSO_SUBJECT, User.class)
        .setParameter("subjectIndex", providerSubjectIndex(issuer, subject))
        .getResultStream()
        .findFirst();
  }

  /**
   * Blind index of a provider's subject in the bound tenant. The issuer is part of it: subjects are
   * unique only per issuer (OpenID Connect Core, 2).
   */
  public String providerSubjectIndex(String issuer, String subject) {
    if (issuer == null || subject == null || subject.isBlank()) {
      throw new IllegalArgumentException("issuer and subject required");
    }
    return index.of(SSO_SUBJECT, issuer + "\n" + subject);
  }

  /** All users of the tenant, by e-mail (sorted here: the database holds only ciphertext). */
  public List<User> all() {
    return em.createNamedQuery(User.FIND_ALL, User.class)
        .getResultStream()
        .sorted(Comparator.comparing(User::email))
        .toList();
  }

  /**
   * Ids of the active users holding {@code role}, by id; no personal column is opened, so one
   * unreadable row cannot fail the look-up.
   */
  public List<String> activeIdsWith(Role role) {
    return em.createNamedQuery(User.ACTIVE_IDS_WITH_ROLE, String.class)
        .setParameter("role", role)
        .getResultStream()
        .sorted()
        .toList();
  }

  public void remove(User user) {
    em.remove(user);
    notices.fire(CacheNotice.user(user.tenantId(), user.id()));
  }

  /** Adds a user with a password to the bound tenant. */
  public User create(String email, String displayName, Set<Role> roles, char[] password) {
    String normalised = User.normaliseEmail(email);
    User user =
        new User(normalised, index.of(EMAIL, normalised), displayName, roles, clock.instant());
    if (findByEmail(normalised).isPresent()) {
      throw new ConflictException("a user with this e-mail exists");
    }
    if (password != null) {
      user.setPasswordHash(hasher.hash(password));
    }
    em.persist(user);
    return user;
  }
}
