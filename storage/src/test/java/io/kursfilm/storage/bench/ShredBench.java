package io.kursfilm.storage.bench;

import io.kursfilm.storage.field.FieldCipher;
import io.kursfilm.storage.keys.KeyStoreBackup;
import io.kursfilm.storage.keys.LocalKeyStore;
import io.kursfilm.storage.objects.ObjectStore;
import io.kursfilm.storage.sealed.CiphertextCache;
import io.kursfilm.storage.sealed.SealedObjects;
import io.kursfilm.storage.shred.Shredder;
import io.kursfilm.storage.testing.LocalS3;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Random;

/**
 * Shred time of a small and a large tenant against a local S3Proxy: each tenant's objects are
 * sealed straight through the storage API, then the shred's two steps are timed apart: destroying
 * the tenant's keys (what makes the data unreadable; must not grow with the data) and deleting its
 * objects (hygiene; grows with the object count). Settings are system properties: {@code
 * bench.sizes} (comma-separated MiB per tenant, default 1024,10240), {@code bench.object-mib}
 * (object size, default 8 MiB, about two HLS segments of 1080p), {@code kursfilm.s3proxy.jar}.
 */
public final class ShredBench {

  private static final int MIB = 1 << 20;

  public static void main(String[] args) throws Exception {
    String[] sizes = System.getProperty("bench.sizes", "1024,10240").split(",");
    int objectMib = Integer.getInteger("bench.object-mib", 8);
    Path dir = Files.createTempDirectory("kf-shred-bench");
    try (LocalS3 s3 = new LocalS3(dir.resolve("s3"), 0).start()) {
      ObjectStore store = new ObjectStore(s3.settings("kf-shred"));
      LocalKeyStore keys =
          new LocalKeyStore(dir.resolve("keys"), true, Duration.ofMinutes(5), Clock.systemUTC());
      KeyStoreBackup backup =
          new KeyStoreBackup(
              dir.resolve("keys"),
              dir.resolve("key-backups"),
              Duration.ofDays(30),
              Duration.ofDays(1),
              Clock.systemUTC());
      Shredder shredder =
          new Shredder(
              keys,
              backup,
              store,
              new FieldCipher(keys, Duration.ofMinutes(5), Clock.systemUTC()),
              CiphertextCache.disabled(),
              Clock.systemUTC());
      SealedObjects sealed = new SealedObjects(store, keys);
      sealed.warmUp();
      System.out.printf(
          "object size %d MiB, %d cores%n", objectMib, Runtime.getRuntime().availableProcessors());
      for (String size : sizes) {
        int mib = Integer.parseInt(size.strip());
        String tenant = "bench-" + mib;
        keys.create(tenant);
        keys.rotate(tenant); // a tenant with some history: two keys in its keyset
        int count = Math.max(1, mib / objectMib);
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
          sealed.seal(tenant, "video/" + i + "/seg", random((long) objectMib * MIB, i));
        }
        double written = seconds(start);
        backup.backup();
        start = System.nanoTime();
        shredder.destroyKeys(tenant);
        double keyMillis = seconds(start) * 1000;
        start = System.nanoTime();
        Shredder.ObjectsDeleted deleted = shredder.deleteObjects(tenant);
        double deleteSeconds = seconds(start);
        System.out.printf(
            "tenant %6d MiB: %5d objects written in %6.1f s | key destruction %7.2f ms |"
                + " object deletion %6.2f s (%d objects) | keys left: %s%n",
            mib, count, written, keyMillis, deleteSeconds, deleted.objects(), keys.exists(tenant));
      }
    } finally {
      try (var walk = Files.walk(dir)) {
        walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }

  /** {@code length} pseudo-random bytes (incompressible, like video), generated on the fly. */
  private static InputStream random(long length, long seed) {
    Random random = new Random(seed);
    return new InputStream() {
      private long left = length;

      @Override
      public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (left <= 0) {
          return -1;
        }
        int n = (int) Math.min(len, left);
        byte[] chunk = new byte[n];
        random.nextBytes(chunk);
        System.arraycopy(chunk, 0, b, off, n);
        left -= n;
        return n;
      }
    };
  }
}
