package io.kursfilm.learning.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Limits progress reports per person and minute on this node (a player sends about six a minute): a
 * runaway or hostile client is refused before anything is read or stored. Per node on purpose: the
 * limit guards this node's work, and a cluster-wide count would cost a write per report.
 */
@ApplicationScoped
public class ReportThrottle {

  /** Windows kept before stale ones are dropped (one per person reporting in the last minute). */
  private static final int SWEEP_AT = 10_000;

  private record Window(long minute, int count) {}

  private final ConcurrentMap<String, Window> windows = new ConcurrentHashMap<>();

  @Inject
  @ConfigProperty(name = "kursfilm.progress.max-reports-per-minute", defaultValue = "120")
  int maxPerMinute;

  @Inject Clock clock;

  /** Counts a report of the person; false when it is one too many in the current minute. */
  public boolean allow(String tenantId, String userId) {
    long minute = clock.millis() / 60_000;
    if (windows.size() > SWEEP_AT) {
      windows.values().removeIf(w -> w.minute() < minute);
    }
    Window now =
        windows.compute(
            tenantId + "/" + userId,
            (key, w) ->
                w == null || w.minute() != minute
                    ? new Window(minute, 1)
                    : new Window(minute, w.count() + 1));
    return now.count() <= maxPerMinute;
  }
}
