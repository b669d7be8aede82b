package io.kursfilm.identity.control;

import io.kursfilm.identity.entity.Backoff;
import io.kursfilm.identity.entity.LoginThrottle;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Counts failed logins per account and per client address in MariaDB, so every cluster node sees
 * the same counters, and says how long a login must wait. Keys are SHA-256 hashes of the account's
 * blind index or the address: nothing in this table names a person.
 */
@Dependent
public class LoginThrottling {

  /** The counters one login attempt touches. */
  public record Keys(String account, String address) {
    Stream<String> both() {
      return Stream.of(account, address);
    }
  }

  @PersistenceContext(unitName = "kursfilm")
  EntityManager em;

  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "kursfilm.login.throttle.threshold")
  int accountThreshold;

  @Inject
  @ConfigProperty(name = "kursfilm.login.throttle.ip-threshold")
  int addressThreshold;

  @Inject
  @ConfigProperty(name = "kursfilm.login.throttle.base")
  Duration base;

  @Inject
  @ConfigProperty(name = "kursfilm.login.throttle.max")
  Duration max;

  @Inject
  @ConfigProperty(name = "kursfilm.login.throttle.window")
  Duration window;

  private Backoff accountBackoff;
  private Backoff addressBackoff;

  @PostConstruct
  void init() {
    accountBackoff = new Backoff(accountThreshold, base, max, window);
    addressBackoff = new Backoff(addressThreshold, base, max, window);
  }

  /**
   * Keys for an account given by its tenant and e-mail blind index. {@code tenantRef} and {@code
   * accountRef} are opaque: the tenant id and blind index for a known tenant; for an unknown tenant
   * whatever the caller derived, hashed again here.
   */
  public static Keys keys(String tenantRef, String accountRef, String clientAddress) {
    return new Keys(
        sha256("account|" + tenantRef + "|" + accountRef),
        sha256("address|" + (clientAddress == null ? "unknown" : clientAddress)));
  }

  /**
   * Keys of counters kept apart from the login counters under {@code scope} (e.g. password-reset
   * requests), so one kind of request never blocks the other.
   */
  public static Keys keys(String scope, String tenantRef, String accountRef, String clientAddress) {
    return new Keys(
        sha256(scope + "|account|" + tenantRef + "|" + accountRef),
        sha256(scope + "|address|" + (clientAddress == null ? "unknown" : clientAddress)));
  }

  /** The longest wait any of the counters imposes now; empty when login may proceed. */
  public Optional<Duration> waitFor(Keys keys) {
    Instant now = clock.instant();
    return keys.both()
        .map(key -> em.find(LoginThrottle.class, key))
        .filter(row -> row != null)
        .map(row -> row.waitAt(now))
        .flatMap(Optional::stream)
        .max(Duration::compareTo);
  }

  /** The wait the client address's counter alone imposes now. */
  public Optional<Duration> waitForAddress(Keys keys) {
    return Optional.ofNullable(em.find(LoginThrottle.class, keys.address()))
        .flatMap(row -> row.waitAt(clock.instant()));
  }

  /**
   * Counts a failure on the client address only: for failures that name no account (a forged or
   * expired sign-in at an identity provider).
   */
  public void failedFromAddress(Keys keys) {
    count(keys.address(), addressBackoff);
  }

  /** Counts a failure on both counters. */
  public void failed(Keys keys) {
    count(keys.account(), accountBackoff);
    count(keys.address(), addressBackoff);
  }

  /** Counts one more request on both counters, with back-offs of the caller's own. */
  public void counted(Keys keys, Backoff account, Backoff address) {
    count(keys.account(), account);
    count(keys.address(), address);
  }

  /** A successful login clears the account's counter; the address keeps its own. */
  public void succeeded(Keys keys) {
    em.createNamedQuery(LoginThrottle.DELETE_KEY)
        .setParameter("key", keys.account())
        .executeUpdate();
  }

  public int purgeExpired() {
    return em.createNamedQuery(LoginThrottle.DELETE_EXPIRED)
        .setParameter("now", clock.instant())
        .executeUpdate();
  }

  private void count(String key, Backoff backoff) {
    Instant now = clock.instant();
    // Native on purpose: the table is platform data (not tenant-owned); INSERT IGNORE creates the
    // row without failing when another node just did, then the row lock serialises the update.
    em.createNativeQuery(
            "INSERT IGNORE INTO login_throttle (throttle_key, failures, expires_at)"
                + " VALUES (?, 0, ?)")
        .setParameter(1, key)
        .setParameter(2, java.sql.Timestamp.from(now.plus(backoff.window())))
        .executeUpdate();
    LoginThrottle row = em.find(LoginThrottle.class, key);
    // Re-read under the row lock: waitFor may have loaded an older state into this context.
    em.refresh(row, LockModeType.PESSIMISTIC_WRITE);
    row.failed(now, backoff);
  }

  static String sha256(String value) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
