package io.kursfilm.identity.control;

import io.kursfilm.identity.entity.ApiSession;
import io.kursfilm.identity.entity.User;
import io.kursfilm.kernel.CacheNotice;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Issues and resolves bearer tokens: 256 random bits, kept only as a SHA-256 hash. */
@Dependent
public class ApiTokens {

  private static final SecureRandom RANDOM = new SecureRandom();

  @PersistenceContext(unitName = "kursfilm")
  EntityManager em;

  @Inject Clock clock;
  @Inject Event<CacheNotice> notices;

  @Inject
  @ConfigProperty(name = "kursfilm.api.token-ttl")
  Duration ttl;

  /** Returns the token itself; only its hash is stored. */
  public String issue(String tenantId, String userId) {
    byte[] raw = new byte[32];
    RANDOM.nextBytes(raw);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    Instant now = clock.instant();
    em.persist(new ApiSession(hash(token), tenantId, userId, now, now.plus(ttl)));
    return token;
  }

  public Optional<ApiSession> resolve(String token) {
    if (token == null || token.length() != 43) {
      return Optional.empty();
    }
    ApiSession session = em.find(ApiSession.class, hash(token));
    return Optional.ofNullable(session).filter(s -> s.isValidAt(clock.instant()));
  }

  public void revoke(String token) {
    if (token != null) {
      ApiSession session = em.find(ApiSession.class, hash(token));
      if (session != null) {
        em.remove(session);
        notices.fire(CacheNotice.user(session.tenantId(), session.userId()));
      }
    }
  }

  /**
   * Revokes every bearer token of the user at once; with the user's ended sessions, every node
   * forgets what it knew of them once the transaction commits.
   */
  public int revokeAll(User user) {
    notices.fire(CacheNotice.user(user.tenantId(), user.id()));
    return em.createNamedQuery(ApiSession.DELETE_BY_USER)
        .setParameter("userId", user.id())
        .executeUpdate();
  }

  /**
   * Revokes every bearer token of these users of one tenant with one statement and one tenant-wide
   * notice (a notice per user would say the same thing hundreds of times in a large company).
   */
  public int revokeAll(String tenantId, Collection<User> users) {
    if (users.isEmpty()) {
      return 0;
    }
    notices.fire(CacheNotice.tenant(tenantId));
    return em.createNamedQuery(ApiSession.DELETE_BY_USERS)
        .setParameter("userIds", users.stream().map(User::id).toList())
        .executeUpdate();
  }

  public int purgeExpired() {
    return em.createNamedQuery(ApiSession.DELETE_EXPIRED)
        .setParameter("now", clock.instant())
        .executeUpdate();
  }

  static String hash(String token) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(token.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
