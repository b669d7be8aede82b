package io.kursfilm.storage.bench;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.StreamingAead;
import com.google.crypto.tink.streamingaead.PredefinedStreamingAeadParameters;
import com.google.crypto.tink.streamingaead.StreamingAeadConfig;
import io.kursfilm.storage.keys.LocalKeyStore;
import io.kursfilm.storage.objects.ObjectStore;
import io.kursfilm.storage.sealed.PatternStream;
import io.kursfilm.storage.sealed.SealedObjects;
import io.kursfilm.storage.testing.LocalS3;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Side-by-side cost of sealing against a local S3Proxy: encrypted vs raw put and get of one large
 * object, 1 MiB ranges at random offsets, and Tink's in-memory StreamingAead throughput vs {@code
 * openssl speed}. Prints absolute throughputs and ratios. Settings are system properties: {@code
 * bench.bytes} (default 1 GiB), {@code bench.ranges} (default 20), {@code kursfilm.s3proxy.jar}.
 */
public final class SealedObjectsBench {

  private static final int MIB = 1 << 20;
  private static final String TENANT = "bench";

  public static void main(String[] args) throws Exception {
    long bytes = Long.getLong("bench.bytes", 1L << 30);
    int ranges = Integer.getInteger("bench.ranges", 20);
    Path dir = Files.createTempDirectory("kf-bench");
    try (LocalS3 s3 = new LocalS3(dir.resolve("s3"), 0).start()) {
      ObjectStore store = new ObjectStore(s3.settings("kf-bench"));
      LocalKeyStore keys =
          new LocalKeyStore(dir.resolve("keys"), true, Duration.ofMinutes(5), Clock.systemUTC());
      keys.create(TENANT);
      SealedObjects sealed = new SealedObjects(store, keys);
      sealed.warmUp();
      System.out.printf("object size %d MiB, %d ranges%n", bytes / MIB, ranges);

      double rawPut = seconds(() -> store.put(TENANT, "raw", new PatternStream(bytes, 1)));
      double encPut = seconds(() -> sealed.seal(TENANT, "sealed", new PatternStream(bytes, 1)));
      report("put", bytes, rawPut, encPut);

      double rawGet = seconds(() -> drain(store.get(TENANT, "raw")));
      double encGet = seconds(() -> drain(sealed.open(TENANT, "sealed")));
      report("get", bytes, rawGet, encGet);

      Random random = new Random(7);
      double[] raw = new double[ranges];
      double[] enc = new double[ranges];
      for (int i = 0; i < ranges; i++) {
        long offset = (long) (random.nextDouble() * (bytes - MIB));
        raw[i] = seconds(() -> drain(store.get(TENANT, "raw", offset, MIB)));
        enc[i] = seconds(() -> drain(sealed.openRange(TENANT, "sealed", offset, MIB)));
      }
      double rawRange = median(raw);
      double encRange = median(enc);
      System.out.printf(
          "1 MiB range  raw %7.2f ms  sealed %7.2f ms  ratio sealed/raw time %.2f%n",
          rawRange * 1e3, encRange * 1e3, encRange / rawRange);

      inMemory();
    } finally {
      try (Stream<Path> walk = Files.walk(dir)) {
        walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static void report(String what, long bytes, double raw, double sealed) {
    System.out.printf(
        "%-4s raw %8.1f MB/s  sealed %8.1f MB/s  ratio sealed/raw throughput %.2f%n",
        what, bytes / raw / 1e6, bytes / sealed / 1e6, raw / sealed);
  }

  /** Tink StreamingAead on 256 MiB in memory (after a warm-up round) vs openssl's 16 KiB column. */
  private static void inMemory() throws Exception {
    StreamingAeadConfig.register();
    StreamingAead aead =
        KeysetHandle.generateNew(PredefinedStreamingAeadParameters.AES256_GCM_HKDF_1MB)
            .getPrimitive(RegistryConfiguration.get(), StreamingAead.class);
    byte[] plaintext = new byte[256 * MIB];
    byte[] ad = "bench".getBytes(StandardCharsets.US_ASCII);
    double enc = 0;
    double dec = 0;
    for (int round = 0; round < 3; round++) {
      ByteArrayOutputStream sink = new ByteArrayOutputStream(plaintext.length + 8 * MIB);
      long t0 = System.nanoTime();
      try (OutputStream out = aead.newEncryptingStream(sink, ad)) {
        out.write(plaintext);
      }
      long t1 = System.nanoTime();
      drain(aead.newDecryptingStream(new ByteArrayInputStream(sink.toByteArray()), ad));
      long t2 = System.nanoTime();
      enc = plaintext.length / ((t1 - t0) / 1e9);
      dec = plaintext.length / ((t2 - t1) / 1e9);
    }
    double openssl = opensslAesGcm();
    System.out.printf(
        "in-memory tink encrypt %8.1f MB/s  decrypt %8.1f MB/s  openssl aes-256-gcm 16 KiB %8.1f"
            + " MB/s  ratio tink/openssl encrypt %.2f decrypt %.2f%n",
        enc / 1e6, dec / 1e6, openssl / 1e6, enc / openssl, dec / openssl);
  }

  /** Bytes per second of {@code openssl speed -evp aes-256-gcm} on 16384-byte blocks. */
  private static double opensslAesGcm() throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder("openssl", "speed", "-seconds", "2", "-evp", "aes-256-gcm")
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    for (String line : out.split("\n")) {
      if (line.toLowerCase().startsWith("aes-256-gcm")) {
        String[] cols = line.trim().split("\\s+");
        String last = cols[cols.length - 1]; // "1234567.89k": thousands of bytes per second
        return Double.parseDouble(last.replace("k", "")) * 1000;
      }
    }
    throw new IOException("no aes-256-gcm line in openssl output");
  }

  private interface Step {
    void run() throws Exception;
  }

  private static double seconds(Step step) throws Exception {
    long t0 = System.nanoTime();
    step.run();
    return (System.nanoTime() - t0) / 1e9;
  }

  private static void drain(InputStream in) throws IOException {
    byte[] buffer = new byte[256 * 1024];
    try (in) {
      while (in.read(buffer) >= 0) {
        // only the time to the last byte counts
      }
    }
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
