package io.kursfilm.storage.objects;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kursfilm.storage.testing.LocalS3;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ObjectStoreIT {

  @TempDir static Path s3Dir;
  static LocalS3 s3;
  static ObjectStore store;

  @BeforeAll
  static void start() throws Exception {
    s3 = new LocalS3(s3Dir, 0).start();
    store = new ObjectStore(s3.settings("kf-it"));
  }

  @AfterAll
  static void stop() throws Exception {
    s3.close();
  }

  @Test
  void put_then_get_returns_the_same_bytes() throws Exception {
    byte[] data = new byte[3 * 1024 * 1024 + 17];
    new Random(1).nextBytes(data);

    store.put("tenant-a", "o/1", new ByteArrayInputStream(data));

    try (InputStream in = store.get("tenant-a", "o/1")) {
      assertArrayEquals(data, in.readAllBytes());
    }
    assertTrue(store.exists("tenant-a", "o/1"));
  }

  @Test
  void tenants_live_in_separate_buckets() {
    store.put("tenant-a", "shared-key", new ByteArrayInputStream(new byte[] {1}));
    assertFalse(store.exists("tenant-b", "shared-key"));
  }

  @Test
  void delete_removes_the_object_and_tolerates_missing_ones() {
    store.put("tenant-a", "gone", new ByteArrayInputStream(new byte[] {1}));
    store.delete("tenant-a", "gone");
    store.delete("tenant-a", "gone");
    assertFalse(store.exists("tenant-a", "gone"));
  }

  @Test
  void ping_fails_clearly_when_the_endpoint_is_down() throws Exception {
    LocalS3 other = new LocalS3(s3Dir.resolve("other"), 0).start();
    ObjectStore down = new ObjectStore(other.settings("kf-down"));
    down.ping();
    other.stop();
    assertThrows(ObjectStoreException.class, down::ping);
  }
}
