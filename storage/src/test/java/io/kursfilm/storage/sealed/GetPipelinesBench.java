package io.kursfilm.storage.sealed;

import io.kursfilm.storage.keys.LocalKeyStore;
import io.kursfilm.storage.objects.ObjectInfo;
import io.kursfilm.storage.objects.ObjectStore;
import io.kursfilm.storage.testing.LocalS3;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Side by side on one 1 GiB object in a local S3Proxy: a raw get, the sequential decryption whole
 * gets used before (network read-ahead thread, Tink's decrypting stream on the caller's thread) and
 * the parallel one {@link SealedObjects#open} uses now. Prints wall time and this JVM's CPU per
 * round, alternating, after one unmeasured round. Run by {@code infra/bench/storage-get}.
 */
public final class GetPipelinesBench {

  private static final String TENANT = "bench";

  public static void main(String[] args) throws Exception {
    long bytes = Long.getLong("bench.bytes", 1L << 30);
    int rounds = Integer.getInteger("bench.repeats", 5);
    Path dir = Files.createTempDirectory("kf-get-bench");
    try (LocalS3 s3 = new LocalS3(dir.resolve("s3"), 0).start()) {
      ObjectStore store = new ObjectStore(s3.settings("kf-bench"));
      LocalKeyStore keys =
          new LocalKeyStore(dir.resolve("keys"), true, Duration.ofMinutes(5), Clock.systemUTC());
      keys.create(TENANT);
      SealedObjects sealed = new SealedObjects(store, keys);
      sealed.warmUp();
      store.put(TENANT, "raw", new PatternStream(bytes, 1));
      sealed.seal(TENANT, "sealed", new PatternStream(bytes, 1));
      var os =
          (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
      for (int round = -1; round < rounds; round++) {
        for (String kind : new String[] {"raw", "sequential", "parallel"}) {
          long cpu = os.getProcessCpuTime();
          long start = System.nanoTime();
          long read = drain(open(kind, store, keys, sealed));
          if (read != bytes) {
            throw new IllegalStateException(kind + " read " + read + " bytes");
          }
          if (round >= 0) {
            System.out.printf(
                "%-10s wall %.3f s  app cpu %.2f s%n",
                kind, (System.nanoTime() - start) / 1e9, (os.getProcessCpuTime() - cpu) / 1e9);
          }
        }
      }
    } finally {
      try (Stream<Path> walk = Files.walk(dir)) {
        walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static InputStream open(
      String kind, ObjectStore store, LocalKeyStore keys, SealedObjects sealed) throws Exception {
    switch (kind) {
      case "raw":
        return store.get(TENANT, "raw");
      case "parallel":
        return sealed.open(TENANT, "sealed");
      default:
        byte[] ad = SealedObjects.associatedData(TENANT, "sealed");
        ObjectInfo info = store.stat(TENANT, "sealed").orElseThrow();
        DataKeys.Opened dek = SealedObjects.dataKey(keys, TENANT, info, ad);
        return dek.aead()
            .newDecryptingStream(
                new ReadAheadInputStream(store.get(TENANT, "sealed"), 16, true, Thread::new), ad);
    }
  }

  private static long drain(InputStream in) throws Exception {
    byte[] buffer = new byte[256 * 1024];
    long total = 0;
    try (in) {
      for (int n; (n = in.read(buffer)) >= 0; ) {
        total += n;
      }
    }
    return total;
  }
}
