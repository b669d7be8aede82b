package io.kursfilm.storage.bench;

import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * CPU seconds consumed by this JVM (the app side: minio-java, Tink, the benchmark's source) and by
 * its child processes (the S3Proxy server), so a benchmark step can show who used the two cores.
 * Take one snapshot before and one after a step; the difference is that step's CPU.
 */
record CpuMeter(double appSeconds, double serverSeconds, double wallSeconds) {

  static CpuMeter now() {
    double app = 0;
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      app = os.getProcessCpuTime() / 1e9;
    }
    double server =
        ProcessHandle.current()
            .descendants()
            .mapToDouble(p -> p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L) / 1e9)
            .sum();
    return new CpuMeter(app, server, System.nanoTime() / 1e9);
  }

  /** This snapshot minus an earlier one. */
  CpuMeter since(CpuMeter start) {
    return new CpuMeter(
        appSeconds - start.appSeconds,
        serverSeconds - start.serverSeconds,
        wallSeconds - start.wallSeconds);
  }
}
