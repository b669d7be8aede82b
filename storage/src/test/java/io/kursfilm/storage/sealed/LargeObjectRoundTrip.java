package io.kursfilm.storage.sealed;

import io.kursfilm.storage.keys.LocalKeyStore;
import io.kursfilm.storage.objects.ObjectStore;
import io.kursfilm.storage.objects.ObjectStoreSettings;
import io.kursfilm.storage.testing.LocalS3;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;

/**
 * Seals a generated object of a given size and reads it back, comparing SHA-256 digests; run by
 * {@link LargeObjectIT} in a JVM with a small heap to prove memory stays bounded. Exits 0 on
 * success. Arguments: S3 endpoint, key store directory, size in bytes.
 */
public final class LargeObjectRoundTrip {

  public static void main(String[] args) throws Exception {
    URI endpoint = URI.create(args[0]);
    Path keyDir = Path.of(args[1]);
    long size = Long.parseLong(args[2]);
    ObjectStore store =
        new ObjectStore(
            new ObjectStoreSettings(
                endpoint,
                LocalS3.ACCESS_KEY,
                LocalS3.SECRET_KEY,
                "kf-large",
                Duration.ofSeconds(60)));
    LocalKeyStore keys = new LocalKeyStore(keyDir, true, Duration.ofMinutes(5), Clock.systemUTC());
    keys.create("tenant-large");
    SealedObjects sealed = new SealedObjects(store, keys);
    sealed.warmUp();

    MessageDigest written = MessageDigest.getInstance("SHA-256");
    long t0 = System.nanoTime();
    SealedObject receipt;
    try (InputStream source = new DigestInputStream(new PatternStream(size, 2024), written)) {
      receipt = sealed.seal("tenant-large", "big", source);
    }
    long t1 = System.nanoTime();
    MessageDigest read = MessageDigest.getInstance("SHA-256");
    long count = 0;
    byte[] buffer = new byte[256 * 1024];
    try (InputStream in = sealed.open("tenant-large", "big")) {
      for (int n; (n = in.read(buffer)) >= 0; ) {
        read.update(buffer, 0, n);
        count += n;
      }
    }
    long t2 = System.nanoTime();
    store.delete("tenant-large", "big");

    String expected = HexFormat.of().formatHex(written.digest());
    String actual = HexFormat.of().formatHex(read.digest());
    boolean ok = expected.equals(actual) && count == size && receipt.plaintextSize() == size;
    System.out.printf(
        "%s size=%d read=%d seal=%.1fs open=%.1fs maxHeap=%dMiB sha256=%s%n",
        ok ? "OK" : "MISMATCH",
        size,
        count,
        (t1 - t0) / 1e9,
        (t2 - t1) / 1e9,
        Runtime.getRuntime().maxMemory() >> 20,
        actual);
    System.exit(ok ? 0 : 1);
  }
}
