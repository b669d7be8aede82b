package io.kursfilm.platform.control;

/**
 * Whether one readiness check counts as UP, from the outcomes of its recent probes.
 *
 * <p>A node is not ready until a probe has succeeded once. After that, one failed probe is not an
 * outage: on a busy machine a probe can miss its timeout while the dependency is fine, and a node
 * that flaps out of the load balancer for that only moves its load onto the others. The check goes
 * DOWN after {@code failuresBeforeDown} failures in a row and UP again at the first success.
 */
public final class ProbeVerdict {

  private final int failuresBeforeDown;
  private boolean up;
  private int failuresInRow;

  public ProbeVerdict(int failuresBeforeDown) {
    if (failuresBeforeDown < 1) {
      throw new IllegalArgumentException("failuresBeforeDown must be at least 1");
    }
    this.failuresBeforeDown = failuresBeforeDown;
  }

  public synchronized void record(boolean succeeded) {
    if (succeeded) {
      up = true;
      failuresInRow = 0;
    } else if (++failuresInRow >= failuresBeforeDown) {
      up = false;
    }
  }

  public synchronized boolean up() {
    return up;
  }

  /** Failed probes since the last success, for the log. */
  public synchronized int failuresInRow() {
    return failuresInRow;
  }
}
