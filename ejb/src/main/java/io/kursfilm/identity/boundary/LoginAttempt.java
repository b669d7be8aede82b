package io.kursfilm.identity.boundary;

import io.kursfilm.kernel.AuthenticatedCaller;
import java.time.Duration;
import java.util.Optional;

/**
 * The outcome of a login: the caller, a refusal, or a refusal because of too many failures with the
 * time to wait. Neither refusal says which part of the credentials was wrong.
 */
public record LoginAttempt(Optional<AuthenticatedCaller> caller, Optional<Duration> retryAfter) {

  public static LoginAttempt success(AuthenticatedCaller caller) {
    return new LoginAttempt(Optional.of(caller), Optional.empty());
  }

  public static LoginAttempt refused() {
    return new LoginAttempt(Optional.empty(), Optional.empty());
  }

  public static LoginAttempt throttled(Duration wait) {
    return new LoginAttempt(Optional.empty(), Optional.of(wait));
  }

  public boolean isThrottled() {
    return retryAfter.isPresent();
  }

  /** Whole seconds to wait, rounded up, at least 1 (for {@code Retry-After}). */
  public long retryAfterSeconds() {
    Duration wait = retryAfter.orElse(Duration.ZERO);
    long seconds = wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0);
    return Math.max(1, seconds);
  }
}
