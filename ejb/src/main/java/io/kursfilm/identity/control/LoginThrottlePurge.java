package io.kursfilm.identity.control;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;

/**
 * Deletes login counters past their expiry. Non-persistent timers run on every cluster node; the
 * delete is idempotent, so that is harmless.
 */
@Singleton
public class LoginThrottlePurge {

  @Inject LoginThrottling throttling;

  @Schedule(hour = "*", minute = "*/10", persistent = false)
  void purge() {
    throttling.purgeExpired();
  }
}
