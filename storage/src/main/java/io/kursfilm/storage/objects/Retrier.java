package io.kursfilm.storage.objects;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs one idempotent S3 request under a {@link RetryPolicy}: transient faults are repeated with
 * exponential backoff and jitter, every other failure becomes an {@link ObjectStoreException} at
 * once. Stateless apart from its policy; shared by all threads of one {@link ObjectStore}.
 */
final class Retrier {

  private static final Logger LOG = Logger.getLogger(Retrier.class.getName());

  /** One S3 request; may throw whatever minio-java throws. */
  @FunctionalInterface
  interface Call<T> {
    T run() throws Exception;
  }

  private final RetryPolicy policy;

  Retrier(RetryPolicy policy) {
    this.policy = policy;
  }

  /**
   * Runs {@code call}, repeating it on transient faults.
   *
   * @param operation names the request in the exception message; never object content
   */
  <T> T call(String operation, Call<T> call) {
    for (int attempt = 1; ; attempt++) {
      try {
        return call.run();
      } catch (ObjectStoreException e) {
        throw e;
      } catch (Exception e) {
        if (!TransientFaults.isTransient(e) || attempt >= policy.maxAttempts()) {
          throw new ObjectStoreException(
              operation + " failed" + (attempt > 1 ? " after " + attempt + " attempts" : ""), e);
        }
        Duration pause = jittered(policy.backoffAfter(attempt));
        LOG.log(
            Level.FINE,
            "{0} failed transiently ({1}), attempt {2}, retrying in {3} ms",
            new Object[] {operation, e.getClass().getSimpleName(), attempt, pause.toMillis()});
        sleep(pause, operation, e);
      }
    }
  }

  /** Between half and the whole backoff, so that many clients do not retry in lockstep. */
  private static Duration jittered(Duration backoff) {
    long millis = backoff.toMillis();
    if (millis <= 1) {
      return backoff;
    }
    return Duration.ofMillis(millis / 2 + ThreadLocalRandom.current().nextLong(millis / 2 + 1));
  }

  private static void sleep(Duration pause, String operation, Exception cause) {
    try {
      Thread.sleep(pause.toMillis());
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new ObjectStoreException(operation + " interrupted while waiting to retry", cause);
    }
  }
}
