package io.kursfilm.web.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Waits, within a bound, until the machine has stopped working on what earlier tests left behind:
 * no transcode running (ffmpeg processes of the shared app's worker) and most of the CPU idle. A
 * load measured while a 1080p ladder encodes beside it measures the encoder: one CI run saw its
 * load average go from 2.6 to 26 and the portal page time out behind a transcode of an earlier
 * test. Returns what it found, for the report; it never fails, the load decides.
 */
public final class QuietMachine {

  private static final Path STAT = Path.of("/proc/stat");
  private static final Duration SAMPLE = Duration.ofSeconds(2);

  private QuietMachine() {}

  /** How the wait ended: seconds waited and the idle share of the last sample. */
  public record Quiet(double waitedSeconds, double idle, boolean transcoding) {
    public String describe() {
      return String.format(
          Locale.ROOT,
          "waited %.0f s for a quiet machine: CPU %.0f %% idle%s",
          waitedSeconds,
          idle * 100,
          transcoding ? ", a transcode still running" : ", no transcode running");
    }
  }

  /** Waits up to {@code limit} for no ffmpeg and at least {@code idleShare} of the CPU idle. */
  public static Quiet await(Duration limit, double idleShare) throws InterruptedException {
    long began = System.nanoTime();
    long deadline = began + limit.toNanos();
    while (true) {
      boolean transcoding = transcoding();
      double idle = idleOver(SAMPLE);
      double waited = (System.nanoTime() - began) / 1e9;
      if ((!transcoding && idle >= idleShare) || System.nanoTime() > deadline) {
        return new Quiet(waited, idle, transcoding);
      }
    }
  }

  private static boolean transcoding() {
    return ProcessHandle.allProcesses()
        .map(p -> p.info().command())
        .flatMap(Optional::stream)
        .anyMatch(command -> command.endsWith("/ffmpeg"));
  }

  /** The share of CPU time idle (idle and iowait) over {@code window}, from /proc/stat. */
  private static double idleOver(Duration window) throws InterruptedException {
    long[] before = cpuTimes();
    Thread.sleep(window.toMillis());
    long[] after = cpuTimes();
    long total = after[0] - before[0];
    return total <= 0 ? 1.0 : (double) (after[1] - before[1]) / total;
  }

  /** Total and idle jiffies of all CPUs: the first line of /proc/stat. */
  private static long[] cpuTimes() {
    try {
      String[] fields = Files.readAllLines(STAT).get(0).trim().split("\\s+");
      long total = 0;
      for (int i = 1; i < fields.length; i++) {
        total += Long.parseLong(fields[i]);
      }
      long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
      return new long[] {total, idle};
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + STAT, e);
    }
  }
}
