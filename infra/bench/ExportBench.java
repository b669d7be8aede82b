import io.kursfilm.offboarding.control.ArchiveState;
import io.kursfilm.offboarding.control.ArchiveWriter;
import io.kursfilm.offboarding.control.ExportItem;
import io.kursfilm.offboarding.control.Zip64;
import io.kursfilm.storage.keys.LocalKeyStore;
import io.kursfilm.storage.objects.ObjectStore;
import io.kursfilm.storage.sealed.SealedObjects;
import io.kursfilm.storage.testing.LocalS3;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * The offboarding export's archive writing against raw S3 on the same bytes, side by side in one
 * run on a local S3Proxy: {@code raw-read} gets the sealed source objects as stored (no
 * decryption), {@code decrypt-only} opens them as the export does and drains the plaintext,
 * {@code zip-only} is the export's archive writing with its parts drained instead of
 * uploaded (decryption, CRC-32, SHA-256, ZIP64 framing), {@code raw-copy} gets them and puts them back unchanged (the least any export that
 * writes its archive to S3 must do), {@code export} is the real thing: decrypt each source, write
 * ZIP64 entries with CRC and SHA-256, seal the parts and put them. Throughput is plaintext MB/s;
 * rounds alternate after one unmeasured round. Run by {@code infra/bench/offboarding-export}.
 */
public class ExportBench {

  static final String TENANT = "bench";

  public static void main(String[] args) throws Exception {
    long fileBytes = Long.getLong("bench.file-bytes", 64L << 20);
    int files = Integer.getInteger("bench.files", 4);
    int rounds = Integer.getInteger("bench.repeats", 3);
    long partSize = Long.getLong("bench.part-size", 64L << 20);
    Path dir = Files.createTempDirectory("kf-export-bench");
    try (LocalS3 s3 = new LocalS3(dir.resolve("s3"), 0).start()) {
      ObjectStore store = new ObjectStore(s3.settings("kf-bench"));
      LocalKeyStore keys =
          new LocalKeyStore(dir.resolve("keys"), true, Duration.ofMinutes(5), Clock.systemUTC());
      keys.create(TENANT);
      store.ensureBucket(TENANT);
      SealedObjects sealed = new SealedObjects(store, keys);
      sealed.warmUp();
      List<String> sources = new ArrayList<>();
      for (int i = 0; i < files; i++) {
        String id = "videos/v" + i + "/original";
        sealed.seal(TENANT, id, new RandomStream(fileBytes, i));
        sources.add(id);
      }
      long total = fileBytes * files;
      System.out.printf(
          "%d files of %d MiB, parts of %d MiB, %d rounds%n",
          files, fileBytes >> 20, partSize >> 20, rounds);
      String[] kinds = {"raw-read", "decrypt-only", "zip-only", "raw-copy", "export"};
      double[] sum = new double[kinds.length];
      for (int round = -1; round < rounds; round++) {
        for (int k = 0; k < kinds.length; k++) {
          long start = System.nanoTime();
          run(kinds[k], store, sealed, sources, partSize, round);
          double seconds = (System.nanoTime() - start) / 1e9;
          if (round >= 0) {
            double mbs = total / 1e6 / seconds;
            sum[k] += mbs;
            System.out.printf("%-12s %.2f s  %.1f MB/s%n", kinds[k], seconds, mbs);
          }
        }
      }
      double raw = sum[0] / rounds, decrypt = sum[1] / rounds, zip = sum[2] / rounds;
      double copy = sum[3] / rounds, export = sum[4] / rounds;
      System.out.printf(
          "mean MB/s: raw-read %.1f, decrypt-only %.1f, zip-only %.1f, raw-copy %.1f, export %.1f%n"
              + "ratio export / raw-read = %.2f, zip-only / raw-read = %.2f,"
              + " zip-only / decrypt-only = %.2f, export / raw-copy = %.2f%n",
          raw, decrypt, zip, copy, export, export / raw, zip / raw, zip / decrypt, export / copy);
    } finally {
      try (Stream<Path> walk = Files.walk(dir)) {
        walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  static void run(
      String kind,
      ObjectStore store,
      SealedObjects sealed,
      List<String> sources,
      long partSize,
      int round)
      throws Exception {
    switch (kind) {
      case "raw-read" -> {
        for (String id : sources) {
          try (InputStream in = store.get(TENANT, id)) {
            drain(in);
          }
        }
      }
      case "raw-copy" -> {
        for (String id : sources) {
          try (InputStream in = store.get(TENANT, id)) {
            store.put(TENANT, "copy/r" + round + "/" + id, in);
          }
        }
      }
      case "decrypt-only" -> {
        for (String id : sources) {
          try (InputStream in = sealed.open(TENANT, id)) {
            drain(in);
          }
        }
      }
      case "zip-only" -> {
        // The archive writing without its own upload: decrypt, ZIP64 entries with CRC and
        // SHA-256, parts drained instead of sealed and put.
        List<ExportItem> items = new ArrayList<>();
        for (String id : sources) {
          items.add(new ExportItem(id, 0, () -> sealed.open(TENANT, id)));
        }
        new ArchiveWriter(new Zip64(Instant.now()), partSize)
            .write(
                new ArchiveState(),
                items,
                (index, bytes) -> {
                  try {
                    drain(bytes);
                  } catch (Exception e) {
                    throw new IllegalStateException(e);
                  }
                },
                state -> {});
      }
      default -> {
        List<ExportItem> items = new ArrayList<>();
        for (String id : sources) {
          items.add(new ExportItem(id, 0, () -> sealed.open(TENANT, id)));
        }
        new ArchiveWriter(new Zip64(Instant.now()), partSize)
            .write(
                new ArchiveState(),
                items,
                (index, bytes) ->
                    sealed.seal(TENANT, "export/r" + round + "/part-" + index, bytes),
                state -> {});
      }
    }
  }

  static void drain(InputStream in) throws Exception {
    byte[] buffer = new byte[256 * 1024];
    while (in.read(buffer) >= 0) {}
  }

  /** Incompressible bytes, like a video. */
  static final class RandomStream extends InputStream {
    private final Random random;
    private long left;

    RandomStream(long size, long seed) {
      this.left = size;
      this.random = new Random(seed);
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (left == 0) {
        return -1;
      }
      int n = (int) Math.min(len, left);
      byte[] chunk = new byte[n];
      random.nextBytes(chunk);
      System.arraycopy(chunk, 0, b, off, n);
      left -= n;
      return n;
    }
  }
}
