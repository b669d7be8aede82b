package io.kursfilm.identity.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The failed-login counter of one account or one client address, keyed by an opaque hash. Platform
 * data, not tenant-filtered: it is consulted before anyone is authenticated. Rows are locked while
 * they change, so cluster nodes count together.
 */
@Entity
@Table(name = "login_throttle")
@NamedQuery(
    name = LoginThrottle.DELETE_EXPIRED,
    query = "delete from LoginThrottle t where t.expiresAt < :now")
@NamedQuery(
    name = LoginThrottle.DELETE_KEY,
    query = "delete from LoginThrottle t where t.key = :key")
public class LoginThrottle {

  public static final String DELETE_EXPIRED = "LoginThrottle.deleteExpired";
  public static final String DELETE_KEY = "LoginThrottle.deleteKey";

  @Id
  @Column(name = "throttle_key", length = 64)
  private String key;

  private int failures;

  @Column(name = "last_failure")
  private Instant lastFailure;

  @Column(name = "blocked_until")
  private Instant blockedUntil;

  @Column(name = "expires_at")
  private Instant expiresAt;

  protected LoginThrottle() {}

  /** How long a login must still wait at {@code now}; empty when it may proceed. */
  public Optional<Duration> waitAt(Instant now) {
    if (blockedUntil == null || !now.isBefore(blockedUntil)) {
      return Optional.empty();
    }
    return Optional.of(Duration.between(now, blockedUntil));
  }

  /** Counts one more failure and blocks for as long as {@code backoff} says. */
  public void failed(Instant now, Backoff backoff) {
    if (lastFailure != null && Duration.between(lastFailure, now).compareTo(backoff.window()) > 0) {
      failures = 0;
    }
    failures++;
    lastFailure = now;
    Duration delay = backoff.delayAfter(failures);
    blockedUntil = delay.isZero() ? null : now.plus(delay);
    Instant forgotten = now.plus(backoff.window());
    expiresAt = blockedUntil != null && blockedUntil.isAfter(forgotten) ? blockedUntil : forgotten;
  }

  public int failures() {
    return failures;
  }
}
