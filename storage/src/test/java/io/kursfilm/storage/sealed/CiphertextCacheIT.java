package io.kursfilm.storage.sealed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kursfilm.storage.keys.LocalKeyStore;
import io.kursfilm.storage.objects.ObjectStore;
import io.kursfilm.storage.objects.ObjectStoreException;
import io.kursfilm.storage.testing.LocalS3;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Playback reads through the ciphertext cache against a real S3 endpoint and key store. */
class CiphertextCacheIT {

  static final int SEGMENT_FILE = 625 * 1024; // an HLS segment of the ladder's top rendition

  @TempDir static Path dir;
  static LocalS3 s3;
  static ObjectStore store;
  static LocalKeyStore keys;

  CiphertextCache cache;
  SealedObjects sealed;

  @BeforeAll
  static void start() throws Exception {
    s3 = new LocalS3(dir.resolve("s3"), 0).start();
    store = new ObjectStore(s3.settings("kf-cache"));
    keys = new LocalKeyStore(dir.resolve("keys"), true, Duration.ofMinutes(5), Clock.systemUTC());
    keys.create("tenant-a");
    keys.create("tenant-b");
  }

  @AfterAll
  static void stop() throws Exception {
    s3.close();
  }

  @BeforeEach
  void fresh() {
    cache = new CiphertextCache(64L << 20);
    sealed =
        new SealedObjects(store, keys, SealedObjects.DEFAULT_RANGE_READ_AHEAD, Thread::new, cache);
  }

  @Test
  void a_segment_is_read_from_s3_once_and_then_from_memory_with_the_same_plaintext()
      throws Exception {
    byte[] plain = SealedObjectsIT.data(SEGMENT_FILE, 1);
    SealedObject receipt = sealed.seal("tenant-a", "hot/seg1.m4s", new ByteArrayInputStream(plain));
    Random random = new Random(2);

    for (int i = 0; i < 20; i++) {
      int from = random.nextInt(plain.length);
      int length = 1 + random.nextInt(plain.length - from);
      assertArrayEquals(
          Arrays.copyOfRange(plain, from, from + length), read(receipt, from, length), "read " + i);
    }

    assertEquals(1, cache.misses());
    assertEquals(19, cache.hits());
    assertEquals(receipt.ciphertextSize(), cache.bytes(), "the stored bytes, not the plaintext");
    // Proof that the reads after the first came from memory: they still work without the object.
    store.delete("tenant-a", "hot/seg1.m4s");
    assertArrayEquals(plain, read(receipt, 0, plain.length));
  }

  @Test
  void cached_ciphertext_of_a_tenant_whose_keys_are_gone_does_not_decrypt() throws Exception {
    keys.create("tenant-shred");
    byte[] plain = SealedObjectsIT.data(SEGMENT_FILE, 3);
    SealedObject receipt =
        sealed.seal("tenant-shred", "hot/seg.m4s", new ByteArrayInputStream(plain));
    assertArrayEquals(plain, read(receipt, 0, plain.length));

    keys.destroy("tenant-shred");

    assertThrows(RuntimeException.class, () -> read(receipt, 0, plain.length));
    cache.evictTenant("tenant-shred");
    assertEquals(0, cache.bytes());
  }

  @Test
  void evicting_a_tenant_leaves_the_other_tenants_entries() throws Exception {
    SealedObject a = sealed.seal("tenant-a", "evict/a.m4s", new ByteArrayInputStream(new byte[9]));
    SealedObject b = sealed.seal("tenant-b", "evict/b.m4s", new ByteArrayInputStream(new byte[7]));
    read(a, 0, 9);
    read(b, 0, 7);

    cache.evictTenant("tenant-a");

    assertEquals(b.ciphertextSize(), cache.bytes());
  }

  @Test
  void an_object_sealed_anew_under_the_same_key_is_read_anew() throws Exception {
    byte[] first = SealedObjectsIT.data(4096, 4);
    byte[] second = SealedObjectsIT.data(4096, 5);
    SealedObject old = sealed.seal("tenant-a", "again.m3u8", new ByteArrayInputStream(first));
    assertArrayEquals(first, read(old, 0, first.length));

    SealedObject fresh = sealed.seal("tenant-a", "again.m3u8", new ByteArrayInputStream(second));

    assertArrayEquals(second, read(fresh, 0, second.length));
    assertEquals(2, cache.misses());
  }

  @Test
  void an_object_larger_than_a_sixteenth_of_the_cache_streams_from_s3() throws Exception {
    cache = new CiphertextCache(8L << 20);
    sealed =
        new SealedObjects(store, keys, SealedObjects.DEFAULT_RANGE_READ_AHEAD, Thread::new, cache);
    byte[] plain = SealedObjectsIT.data(SEGMENT_FILE, 6);
    SealedObject receipt = sealed.seal("tenant-a", "big/seg.m4s", new ByteArrayInputStream(plain));

    assertArrayEquals(plain, read(receipt, 0, plain.length));
    assertArrayEquals(plain, read(receipt, 0, plain.length));

    assertEquals(0, cache.misses() + cache.hits());
    assertEquals(0, cache.bytes());
  }

  @Test
  void viewers_starting_the_same_segment_at_once_cost_one_get() throws Exception {
    byte[] plain = SealedObjectsIT.data(SEGMENT_FILE, 7);
    SealedObject receipt = sealed.seal("tenant-a", "herd/seg.m4s", new ByteArrayInputStream(plain));
    int viewers = 16;
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(viewers);
    try {
      List<Future<byte[]>> reads = new ArrayList<>();
      for (int i = 0; i < viewers; i++) {
        reads.add(
            pool.submit(
                () -> {
                  go.await();
                  return read(receipt, 0, plain.length);
                }));
      }
      go.countDown();
      for (Future<byte[]> each : reads) {
        assertArrayEquals(plain, each.get());
      }
    } finally {
      pool.shutdownNow();
    }

    assertEquals(1, cache.misses());
    assertEquals(viewers - 1, cache.hits());
  }

  @Test
  void a_failed_load_is_not_kept() throws Exception {
    byte[] plain = SealedObjectsIT.data(1000, 8);
    SealedObject receipt = sealed.seal("tenant-a", "gone/seg.m4s", new ByteArrayInputStream(plain));
    Map<String, String> metadata =
        store.stat("tenant-a", "gone/seg.m4s").orElseThrow().userMetadata();
    byte[] stored;
    try (InputStream in = store.get("tenant-a", "gone/seg.m4s")) {
      stored = in.readAllBytes();
    }
    store.delete("tenant-a", "gone/seg.m4s");

    // The load runs when the range opens: the failure comes before any header or byte is sent.
    assertThrows(ObjectStoreException.class, () -> read(receipt, 0, plain.length));
    assertEquals(0, cache.bytes());

    store.put("tenant-a", "gone/seg.m4s", new ByteArrayInputStream(stored), metadata);
    assertArrayEquals(plain, read(receipt, 0, plain.length));
    assertEquals(2, cache.misses(), "the read after the failure tried the store again");
  }

  private byte[] read(SealedObject receipt, long from, int length) throws IOException {
    try (InputStream in = sealed.openRange(receipt, from, length)) {
      return in.readAllBytes();
    }
  }
}
