package io.kursfilm.transcoder.hls;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Stops one ffmpeg process that must not go on: cancelled (token or an interrupt of the thread that
 * started it), stalled (output time not advancing) or over its overall time. ffmpeg gets SIGTERM
 * first so it can close its files, then SIGKILL after the grace period. Runs on its own daemon
 * thread because ffmpeg-cli-wrapper blocks the caller and ignores interrupts.
 */
final class Watchdog {

  /** Why the watchdog stopped the process. */
  enum Verdict {
    CANCELLED,
    STALLED,
    TIMED_OUT
  }

  private static final long POLL_MILLIS = 100;
  private static final Duration SECOND_SIGNAL = Duration.ofSeconds(1);

  private final CancelToken cancel;
  private final Thread caller;
  private final ProgressParser progress;
  private final long stallNanos;
  private final long deadlineNanos;
  private final Duration grace;
  private volatile Verdict verdict;
  private volatile Thread thread;

  Watchdog(
      CancelToken cancel,
      Thread caller,
      ProgressParser progress,
      Duration stall,
      Duration timeout,
      Duration grace) {
    this.cancel = cancel;
    this.caller = caller;
    this.progress = progress;
    this.stallNanos = stall.toNanos();
    this.deadlineNanos = System.nanoTime() + timeout.toNanos();
    this.grace = grace;
  }

  /** Starts watching {@code process}; called as soon as it has been started. */
  void watch(Process process) {
    Thread t = new Thread(() -> loop(process), "ffmpeg-watchdog-" + process.pid());
    t.setDaemon(true);
    thread = t;
    t.start();
  }

  /** The reason the process was stopped, or null when the watchdog did not intervene. */
  Verdict verdict() {
    return verdict;
  }

  void stop() {
    Thread t = thread;
    if (t != null) {
      t.interrupt();
      joinQuietly(t);
    }
  }

  private void loop(Process process) {
    while (process.isAlive()) {
      Verdict v = check(System.nanoTime());
      if (v != null) {
        verdict = v;
        terminate(process, grace);
        return;
      }
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private Verdict check(long now) {
    if (cancel.cancelled() || caller.isInterrupted()) {
      return Verdict.CANCELLED;
    }
    if (now - progress.lastAdvanceNanos() > stallNanos) {
      return Verdict.STALLED;
    }
    return now - deadlineNanos > 0 ? Verdict.TIMED_OUT : null;
  }

  /**
   * SIGTERM, a second SIGTERM after a second, then SIGKILL if it is still alive after {@code
   * grace}; returns once it is gone. ffmpeg 5.1 stops its main loop on the first signal but only
   * aborts a blocking read (a stalled loopback stream) on the second. Does not give up on an
   * interrupt (a live ffmpeg must not outlast its job) but keeps the flag.
   */
  static void terminate(Process process, Duration grace) {
    if (!process.isAlive()) {
      return;
    }
    Duration first = grace.compareTo(SECOND_SIGNAL) < 0 ? grace : SECOND_SIGNAL;
    process.destroy();
    if (!waitUninterruptibly(process, first)) {
      process.destroy();
      if (!waitUninterruptibly(process, grace.minus(first))) {
        process.destroyForcibly();
        waitUninterruptibly(process, Duration.ofDays(1));
      }
    }
  }

  private static boolean waitUninterruptibly(Process process, Duration limit) {
    boolean interrupted = false;
    long end = System.nanoTime() + limit.toNanos();
    try {
      while (true) {
        try {
          return process.waitFor(end - System.nanoTime(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Waits for {@code t} to end even when interrupted, and keeps the interrupt flag. */
  static void joinQuietly(Thread t) {
    boolean interrupted = false;
    while (t.isAlive()) {
      try {
        t.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
