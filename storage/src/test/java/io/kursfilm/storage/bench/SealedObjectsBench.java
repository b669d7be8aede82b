package io.kursfilm.storage.bench;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.StreamingAead;
import com.google.crypto.tink.streamingaead.AesGcmHkdfStreamingParameters;
import com.google.crypto.tink.streamingaead.StreamingAeadConfig;
import io.kursfilm.storage.keys.LocalKeyStore;
import io.kursfilm.storage.objects.ObjectStore;
import io.kursfilm.storage.sealed.PatternStream;
import io.kursfilm.storage.sealed.SealedObject;
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
 * object, 1 MiB ranges at random offsets (sealed via ids and via the receipt), and Tink's in-memory
 * StreamingAead throughput vs {@code openssl speed}. Raw and sealed alternate and every measurement
 * is repeated; medians are printed with each ratio against its target, and puts also show the CPU
 * seconds of the app and of the S3Proxy process. Settings are system properties: {@code
 * bench.bytes} (default 1 GiB), {@code bench.ranges} (default 20), {@code bench.repeats} (default
 * 3), {@code kursfilm.s3proxy.jar}.
 */
public final class SealedObjectsBench {

  private static final int MIB = 1 << 20;
  private static final String TENANT = "bench";

  public static void main(String[] args) throws Exception {
    long bytes = Long.getLong("bench.bytes", 1L << 30);
    int ranges = Integer.getInteger("bench.ranges", 20);
    int repeats = Integer.getInteger("bench.repeats", 3);
    Path dir = Files.createTempDirectory("kf-bench");
    try (LocalS3 s3 = new LocalS3(dir.resolve("s3"), 0).start()) {
      ObjectStore store = new ObjectStore(s3.settings("kf-bench"));
      LocalKeyStore keys =
          new LocalKeyStore(dir.resolve("keys"), true, Duration.ofMinutes(5), Clock.systemUTC());
      keys.create(TENANT);
      SealedObjects sealed = new SealedObjects(store, keys);
      sealed.warmUp();
      System.out.printf(
          "object size %d MiB, %d ranges, %d repeats, %d cores%n",
          bytes / MIB, ranges, repeats, Runtime.getRuntime().availableProcessors());

      CpuMeter[] rawPuts = new CpuMeter[repeats];
      CpuMeter[] encPuts = new CpuMeter[repeats];
      SealedObject receipt = null;
      double meanRead = 0;
      // Round -1 is an unmeasured warm-up of both sides: the first put of a JVM pair (app and
      // S3Proxy) runs before the JIT has compiled the hot paths and says nothing about steady
      // state.
      for (int i = -1; i < repeats; i++) {
        ReadSizeProbe probe = new ReadSizeProbe(new PatternStream(bytes, 1));
        CpuMeter rawPut = measure(() -> store.put(TENANT, "raw", probe));
        meanRead = probe.meanRead();
        SealedObject[] out = new SealedObject[1];
        CpuMeter encPut =
            measure(() -> out[0] = sealed.seal(TENANT, "sealed", new PatternStream(bytes, 1)));
        receipt = out[0];
        if (i < 0) {
          System.out.printf(
              "warm-up put raw %.2f s, sealed %.2f s (not counted)%n",
              rawPut.wallSeconds(), encPut.wallSeconds());
        } else {
          rawPuts[i] = rawPut;
          encPuts[i] = encPut;
        }
      }
      System.out.printf(
          "minio-java reads the upload body in %.0f-byte reads on average%n", meanRead);
      putCpu("raw", bytes, rawPuts);
      putCpu("sealed", bytes, encPuts);

      double[] rawGet = new double[repeats];
      double[] rawGetCpu = new double[repeats];
      double[] encGet = new double[repeats];
      for (int i = -1; i < repeats; i++) {
        CpuMeter rg = measure(() -> drain(store.get(TENANT, "raw")));
        CpuMeter eg = measure(() -> drain(sealed.open(TENANT, "sealed")));
        if (i >= 0) {
          rawGet[i] = rg.wallSeconds();
          rawGetCpu[i] = rg.appSeconds() + rg.serverSeconds();
          encGet[i] = eg.wallSeconds();
          System.out.printf(
              "get raw %6.2f s (cpu app %5.2f s, s3proxy %5.2f s)  sealed %6.2f s (cpu app %5.2f"
                  + " s, s3proxy %5.2f s)%n",
              rg.wallSeconds(),
              rg.appSeconds(),
              rg.serverSeconds(),
              eg.wallSeconds(),
              eg.appSeconds(),
              eg.serverSeconds());
        }
      }

      Random random = new Random(7);
      int samples = ranges * repeats;
      double[] raw = new double[samples];
      double[] byIds = new double[samples];
      double[] byReceipt = new double[samples];
      double[] rawWindow = new double[samples];
      SealedObject r = receipt;
      for (int i = 0; i < samples; i++) {
        long offset = (long) (random.nextDouble() * (bytes - MIB));
        long[] window = segmentWindow(offset, MIB, r.ciphertextSize());
        int sample = i;
        Step[] steps = {
          () -> raw[sample] = seconds(() -> drain(store.get(TENANT, "raw", offset, MIB))),
          () ->
              byIds[sample] = seconds(() -> drain(sealed.openRange(TENANT, "sealed", offset, MIB))),
          () -> byReceipt[sample] = seconds(() -> drain(sealed.openRange(r, offset, MIB))),
          () ->
              rawWindow[sample] =
                  seconds(() -> drain(store.get(TENANT, "raw", window[0], window[1] - window[0])))
        };
        // Each kind takes every place in the order in turn: whatever runs right after another
        // request (warm connection, caches) must not favour one kind.
        for (int k = 0; k < steps.length; k++) {
          steps[(i + k) % steps.length].run();
        }
      }

      System.out.println();
      System.out.println("measurement          raw (median)     sealed (median)  ratio   target");
      double rawPut = median(wall(rawPuts));
      double encPut = median(wall(encPuts));
      row("put throughput", mbps(bytes, rawPut), mbps(bytes, encPut), rawPut / encPut, ">=", 0.95);
      double rg = median(rawGet);
      double eg = median(encGet);
      row("get throughput", mbps(bytes, rg), mbps(bytes, eg), rg / eg, ">=", 0.90);
      double rr = median(raw);
      double ri = median(byIds);
      double rc = median(byReceipt);
      row("1 MiB range, receipt", ms(rr), ms(rc), rc / rr, "<=", 1.5);
      row("1 MiB range, ids", ms(rr), ms(ri), ri / rr, "<=", 1.5);
      double rw = median(rawWindow);
      System.out.printf(
          "floor: a raw GET of the same whole segments a sealed 1 MiB range must fetch takes"
              + " %.2f ms (%.2f x a raw 1 MiB GET); receipt range / that floor %.2f%n",
          rw * 1e3, rw / rr, rc / rw);

      double decrypt = inMemory();
      // On a small machine the local store and the raw get can fill every core by themselves;
      // then no decryption, however parallel, can keep a sealed get within a ratio of the raw one.
      int cores = Runtime.getRuntime().availableProcessors();
      double rawCpu = median(rawGetCpu);
      double sealedFloor = (rawCpu + bytes / decrypt) / cores;
      System.out.printf(
          "get bound: the raw get used %.2f core-s (app + S3Proxy) of %d cores in %.2f s; decrypting"
              + " costs at least %.2f core-s more, so no sealed get beats %.2f s here: ratio <= %.2f%n",
          rawCpu,
          cores,
          rg,
          bytes / decrypt,
          Math.max(sealedFloor, rg),
          rg / Math.max(sealedFloor, rg));
    } finally {
      try (Stream<Path> walk = Files.walk(dir)) {
        walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /**
   * Stored bytes {@code [start, end)} holding plaintext {@code [offset, offset + length)}: whole
   * segments of Tink's format (40-byte header, 16-byte tag per segment) as objects are sealed now.
   */
  private static long[] segmentWindow(long offset, long length, long ciphertextSize) {
    long segment = SealedObjects.SEGMENT_SIZE;
    long plainPerSegment = segment - 16;
    long first = (offset + 40) / plainPerSegment;
    long last = (offset + length - 1 + 40) / plainPerSegment;
    return new long[] {first * segment, Math.min((last + 1) * segment, ciphertextSize)};
  }

  private static void putCpu(String what, long bytes, CpuMeter[] runs) {
    for (CpuMeter m : runs) {
      System.out.printf(
          "put %-6s wall %6.2f s  %7.1f MB/s  cpu app %6.2f s  s3proxy %6.2f s  (of %.2f core-s)%n",
          what,
          m.wallSeconds(),
          bytes / m.wallSeconds() / 1e6,
          m.appSeconds(),
          m.serverSeconds(),
          Runtime.getRuntime().availableProcessors() * m.wallSeconds());
    }
  }

  private static void row(
      String what, String raw, String sealed, double ratio, String op, double target) {
    boolean met = op.equals(">=") ? ratio >= target : ratio <= target;
    System.out.printf(
        "%-20s %-16s %-16s %5.2f   %s %.2f %s%n",
        what, raw, sealed, ratio, op, target, met ? "met" : "MISSED");
  }

  private static String mbps(long bytes, double seconds) {
    return "%.1f MB/s".formatted(bytes / seconds / 1e6);
  }

  private static String ms(double seconds) {
    return "%.2f ms".formatted(seconds * 1e3);
  }

  private static double[] wall(CpuMeter[] runs) {
    return Arrays.stream(runs).mapToDouble(CpuMeter::wallSeconds).toArray();
  }

  private static CpuMeter measure(Step step) throws Exception {
    CpuMeter start = CpuMeter.now();
    step.run();
    return CpuMeter.now().since(start);
  }

  /**
   * Tink StreamingAead on 128 MiB in memory, in the layout objects are sealed in, vs openssl's 16
   * KiB column: medians of five rounds after two unmeasured ones, so the JIT has compiled the
   * AES-GCM intrinsics (a cold JVM decrypts several times slower).
   */
  private static double inMemory() throws Exception {
    StreamingAeadConfig.register();
    StreamingAead aead =
        KeysetHandle.generateNew(
                AesGcmHkdfStreamingParameters.builder()
                    .setKeySizeBytes(32)
                    .setDerivedAesGcmKeySizeBytes(32)
                    .setHkdfHashType(AesGcmHkdfStreamingParameters.HashType.SHA256)
                    .setCiphertextSegmentSizeBytes(SealedObjects.SEGMENT_SIZE)
                    .build())
            .getPrimitive(RegistryConfiguration.get(), StreamingAead.class);
    byte[] plaintext = new byte[128 * MIB];
    byte[] ad = "bench".getBytes(StandardCharsets.US_ASCII);
    int rounds = 5;
    double[] enc = new double[rounds];
    double[] dec = new double[rounds];
    ByteArrayOutputStream sink = new ByteArrayOutputStream(plaintext.length + 4 * MIB);
    for (int round = -2; round < rounds; round++) {
      sink.reset();
      long t0 = System.nanoTime();
      try (OutputStream out = aead.newEncryptingStream(sink, ad)) {
        out.write(plaintext);
      }
      long t1 = System.nanoTime();
      byte[] ciphertext = sink.toByteArray();
      long t2 = System.nanoTime();
      drain(aead.newDecryptingStream(new ByteArrayInputStream(ciphertext), ad));
      long t3 = System.nanoTime();
      if (round >= 0) {
        enc[round] = plaintext.length / ((t1 - t0) / 1e9);
        dec[round] = plaintext.length / ((t3 - t2) / 1e9);
      }
    }
    double openssl = opensslAesGcm();
    double e = median(enc);
    double d = median(dec);
    System.out.printf(
        "in-memory tink encrypt %8.1f MB/s  decrypt %8.1f MB/s  openssl aes-256-gcm 16 KiB %8.1f"
            + " MB/s  ratio tink/openssl encrypt %.2f decrypt %.2f%n",
        e / 1e6, d / 1e6, openssl / 1e6, e / openssl, d / openssl);
    return d;
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
