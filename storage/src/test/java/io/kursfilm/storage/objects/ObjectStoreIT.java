package io.kursfilm.storage.objects;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kursfilm.storage.testing.LocalS3;
import io.minio.MinioAsyncClient;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
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

  @Test
  void ranged_get_returns_exactly_the_requested_bytes() throws Exception {
    byte[] data = new byte[1_000_000];
    new Random(2).nextBytes(data);
    store.put("tenant-a", "ranged", new ByteArrayInputStream(data));

    try (InputStream in = store.get("tenant-a", "ranged", 123_456, 70_000)) {
      assertArrayEquals(Arrays.copyOfRange(data, 123_456, 193_456), in.readAllBytes());
    }
    try (InputStream in = store.get("tenant-a", "ranged", 999_990, 100)) {
      assertArrayEquals(Arrays.copyOfRange(data, 999_990, 1_000_000), in.readAllBytes());
    }
  }

  @Test
  void a_ranged_get_with_info_brings_size_and_metadata_in_the_same_response() throws Exception {
    byte[] data = new byte[1_000_000];
    new Random(3).nextBytes(data);
    store.put("tenant-a", "ranged-info", new ByteArrayInputStream(data), Map.of("Kf-Seal", "v1"));

    try (RangeResponse r = store.getWithInfo("tenant-a", "ranged-info", 999_000, 5000).get()) {
      assertEquals(999_000, r.offset());
      assertEquals(1000, r.length(), "cut at the end by the server");
      assertEquals(1_000_000, r.info().size());
      assertEquals("v1", r.info().userMetadata().get("kf-seal"));
      assertArrayEquals(Arrays.copyOfRange(data, 999_000, 1_000_000), r.body().readAllBytes());
    }
    assertTrue(store.getWithInfo("tenant-a", "ranged-info", 1_000_000, 10).isEmpty());
    assertTrue(store.getWithInfo("tenant-a", "missing", 0, 10).isEmpty());
    assertTrue(store.getWithInfo("tenant-never-created", "missing", 0, 10).isEmpty());
  }

  @Test
  void stat_reports_size_and_user_metadata() {
    store.put(
        "tenant-a",
        "with-meta",
        new ByteArrayInputStream(new byte[42]),
        Map.of("kf-format", "test-v1"));

    ObjectInfo info = store.stat("tenant-a", "with-meta").orElseThrow();

    assertEquals(42, info.size());
    assertEquals("test-v1", info.userMetadata().get("kf-format"));
    assertTrue(store.stat("tenant-a", "missing").isEmpty());
    assertTrue(store.stat("tenant-never-created", "missing").isEmpty());
  }

  @Test
  void list_and_delete_by_prefix_touch_only_that_prefix() {
    for (String key : List.of("video/1/a", "video/1/b", "video/1/c", "video/2/a")) {
      store.put("tenant-c", key, new ByteArrayInputStream(new byte[] {7}));
    }

    assertEquals(
        List.of("video/1/a", "video/1/b", "video/1/c"),
        store.list("tenant-c", "video/1/").stream().map(ObjectSummary::key).toList());

    assertEquals(3, store.deleteByPrefix("tenant-c", "video/1/"));
    assertTrue(store.list("tenant-c", "video/1/").isEmpty());
    assertTrue(store.exists("tenant-c", "video/2/a"));

    store.deleteAll("tenant-c", List.of("video/2/a", "never-there"));
    assertTrue(store.list("tenant-c", "").isEmpty());
  }

  @Test
  void a_failed_multipart_put_leaves_nothing_after_cleanup() {
    InputStream failing = new FailingStream(ObjectStore.PART_SIZE + 1024 * 1024);

    assertThrows(ObjectStoreException.class, () -> store.put("tenant-d", "broken", failing));
    store.abortIncompleteUploads("tenant-d", "broken");

    assertTrue(store.listIncompleteUploads("tenant-d", "").isEmpty());
    assertFalse(store.exists("tenant-d", "broken"));
  }

  @Test
  void transient_outage_is_ridden_out_by_retries() throws Exception {
    LocalS3 flaky = new LocalS3(s3Dir.resolve("flaky"), 0).start();
    ObjectStore patient =
        new ObjectStore(
            flaky.settings("kf-flaky"),
            new RetryPolicy(10, Duration.ofMillis(200), Duration.ofSeconds(1)));
    patient.put("t", "k", new ByteArrayInputStream(new byte[] {1}));
    flaky.stop();
    Thread restarter =
        new Thread(
            () -> {
              try {
                Thread.sleep(1000);
                flaky.start();
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    restarter.start();
    try {
      assertEquals(1, patient.stat("t", "k").orElseThrow().size());
    } finally {
      restarter.join();
      flaky.stop();
    }
  }

  @Test
  void a_missing_object_fails_at_once_without_retrying() {
    ObjectStore slowRetries =
        new ObjectStore(
            s3.settings("kf-it"), new RetryPolicy(5, Duration.ofSeconds(2), Duration.ofSeconds(2)));
    long start = System.nanoTime();

    ObjectStoreException e =
        assertThrows(ObjectStoreException.class, () -> slowRetries.get("tenant-a", "nope"));

    assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 1500);
    assertEquals("get failed", e.getMessage());
  }

  @Test
  void incomplete_uploads_are_listed_and_aborted() throws Exception {
    store.ensureBucket("tenant-e");
    MinioAsyncClient raw =
        MinioAsyncClient.builder()
            .endpoint(s3.endpoint().toString())
            .credentials(LocalS3.ACCESS_KEY, LocalS3.SECRET_KEY)
            .build();
    String uploadId =
        raw.createMultipartUploadAsync(store.bucketOf("tenant-e"), null, "half/done", null, null)
            .get()
            .result()
            .uploadId();

    List<IncompleteUpload> found = store.listIncompleteUploads("tenant-e", "half/");

    assertEquals(1, found.size());
    assertEquals("half/done", found.get(0).key());
    assertEquals(uploadId, found.get(0).uploadId());
    assertEquals(1, store.abortIncompleteUploads("tenant-e", "half/"));
    assertTrue(store.listIncompleteUploads("tenant-e", "").isEmpty());
  }

  /** Yields zeros, then fails like a dropped client connection. */
  private static final class FailingStream extends InputStream {
    private long remaining;

    FailingStream(long failAfter) {
      this.remaining = failAfter;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (remaining <= 0) {
        throw new IOException("client went away");
      }
      int n = (int) Math.min(len, remaining);
      Arrays.fill(b, off, off + n, (byte) 0);
      remaining -= n;
      return n;
    }
  }
}
