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

/** Scratch A/B: raw get vs sequential Tink get vs parallel get of 1 GiB, alternating. */
public class GetAbProbe {
  public static void main(String[] a) throws Exception {
    Path dir = Files.createTempDirectory("kf-ab");
    try (LocalS3 s3 = new LocalS3(dir.resolve("s3"), 0).start()) {
      ObjectStore store = new ObjectStore(s3.settings("kf-ab"));
      LocalKeyStore keys =
          new LocalKeyStore(dir.resolve("keys"), true, Duration.ofMinutes(5), Clock.systemUTC());
      keys.create("t");
      SealedObjects sealed = new SealedObjects(store, keys);
      sealed.warmUp();
      long bytes = 1L << 30;
      store.put("t", "raw", new PatternStream(bytes, 1));
      sealed.seal("t", "sealed", new PatternStream(bytes, 1));
      byte[] ad = SealedObjects.associatedData("t", "sealed");
      var os =
          (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
      for (int r = 0; r < 6; r++) {
        for (String mode : new String[] {"raw", "seq", "par"}) {
          long c0 = os.getProcessCpuTime(), t0 = System.nanoTime();
          InputStream in;
          if (mode.equals("raw")) {
            in = store.get("t", "raw");
          } else if (mode.equals("par")) {
            in = sealed.open("t", "sealed");
          } else {
            ObjectInfo info = store.stat("t", "sealed").orElseThrow();
            DataKeys.Opened dek = SealedObjects.dataKey(keys, "t", info, ad);
            in =
                dek.aead()
                    .newDecryptingStream(
                        new ReadAheadInputStream(store.get("t", "sealed"), 16, true, Thread::new),
                        ad);
          }
          byte[] buf = new byte[256 * 1024];
          long n = 0;
          try (in) {
            for (int k; (k = in.read(buf)) >= 0; ) n += k;
          }
          if (n != bytes) throw new IllegalStateException(mode + " short");
          if (r >= 1)
            System.out.printf(
                "%s wall %.3f s app cpu %.2f s%n",
                mode, (System.nanoTime() - t0) / 1e9, (os.getProcessCpuTime() - c0) / 1e9);
        }
      }
    }
  }
}
