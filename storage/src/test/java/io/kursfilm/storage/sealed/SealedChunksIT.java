package io.kursfilm.storage.sealed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kursfilm.storage.keys.LocalKeyStore;
import io.kursfilm.storage.objects.ObjectInfo;
import io.kursfilm.storage.objects.ObjectStore;
import io.kursfilm.storage.objects.ObjectSummary;
import io.kursfilm.storage.testing.LocalS3;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Chunked sealed uploads against a real S3 endpoint (S3Proxy). */
class SealedChunksIT {

  static final int SEGMENT = CiphertextLayout.SEALING.segmentSize();

  /** Not a multiple of the 1 MiB segment, so chunk and segment boundaries fall apart. */
  static final int CHUNK = 2 * SEGMENT + 4321;

  static final String TENANT = "tenant-a";

  @TempDir static Path dir;
  static LocalS3 s3;
  static ObjectStore store;
  static SealedChunks chunks;

  @BeforeAll
  static void start() throws Exception {
    s3 = new LocalS3(dir.resolve("s3"), 0).start();
    store = new ObjectStore(s3.settings("kf-chunks"));
    LocalKeyStore keys =
        new LocalKeyStore(dir.resolve("keys"), true, Duration.ofMinutes(5), Clock.systemUTC());
    keys.create(TENANT);
    SealedObjects sealed = new SealedObjects(store, keys);
    sealed.warmUp();
    chunks = new SealedChunks(sealed, store, CHUNK);
  }

  @AfterAll
  static void stop() throws Exception {
    s3.close();
  }

  @Test
  void round_trip_of_empty_one_byte_one_chunk_and_one_chunk_plus_one() throws Exception {
    for (int size : new int[] {0, 1, CHUNK, CHUNK + 1}) {
      byte[] data = data(size, size);
      String prefix = "videos/round-" + size + "/original";

      ChunkedUpload upload =
          chunks.putAll(TENANT, prefix, new ByteArrayInputStream(data), Long.MAX_VALUE);

      assertEquals(new ChunkedUpload(chunks.chunkCount(size), size), upload);
      assertEquals(upload.chunks(), chunks.storedChunks(TENANT, prefix).size());
      assertArrayEquals(data, read(prefix, size, 0, size), "size " + size);
      assertArrayEquals(data, read(prefix, size, 0, Long.MAX_VALUE), "size " + size);
    }
    assertEquals(
        Map.of(0, (long) CHUNK, 1, 1L),
        chunks.storedChunks(TENANT, "videos/round-" + (CHUNK + 1) + "/original"));
  }

  @Test
  void chunks_put_one_by_one_read_back_as_one_upload() throws Exception {
    int size = 2 * CHUNK + 99;
    byte[] data = data(size, 7);
    String prefix = "videos/resumable/original";
    // Out of order, as a resumed upload may send them.
    for (int index : new int[] {2, 0, 1}) {
      long length = chunks.chunkLength(size, index);
      SealedObject receipt =
          chunks.putChunk(TENANT, prefix, index, slice(data, index, length), length);
      assertEquals(length, receipt.plaintextSize());
    }

    assertArrayEquals(data, read(prefix, size, 0, size));
  }

  @Test
  void random_ranges_across_chunk_boundaries_equal_the_plaintext() throws Exception {
    int size = 3 * CHUNK + 12345;
    byte[] data = data(size, 42);
    String prefix = "videos/ranges/original";
    chunks.putAll(TENANT, prefix, new ByteArrayInputStream(data), size);
    Random random = new Random(4711);
    long[][] ranges = new long[50][];
    ranges[0] = new long[] {CHUNK - 1, 2}; // one byte either side of a chunk boundary
    ranges[1] = new long[] {CHUNK - 10, CHUNK + 20}; // spans three chunks
    ranges[2] = new long[] {0, size};
    ranges[3] = new long[] {size - 5, 1000}; // cut at the end
    ranges[4] = new long[] {size, 10}; // empty at the very end
    ranges[5] = new long[] {2L * CHUNK, CHUNK}; // exactly one chunk
    ranges[6] = new long[] {SEGMENT - 100, 200}; // a segment boundary inside a chunk
    for (int i = 7; i < ranges.length; i++) {
      ranges[i] = new long[] {random.nextInt(size), random.nextInt(i % 2 == 0 ? 2 * CHUNK : 5000)};
    }

    for (long[] range : ranges) {
      byte[] expected =
          Arrays.copyOfRange(data, (int) range[0], (int) Math.min(size, range[0] + range[1]));
      assertArrayEquals(
          expected, read(prefix, size, range[0], range[1]), range[0] + "+" + range[1]);
    }
    assertThrows(
        IllegalArgumentException.class, () -> chunks.openRange(TENANT, prefix, size, size + 1, 1));
  }

  @Test
  void a_source_failing_midway_leaves_no_object() {
    InputStream failing = new FailingStream(new PatternStream(4L * CHUNK, 1), CHUNK + CHUNK / 2);

    assertThrows(
        SealedObjectException.class,
        () -> chunks.putAll(TENANT, "videos/broken/original", failing, Long.MAX_VALUE));

    assertNothingUnder("videos/broken/");
  }

  @Test
  void exceeding_max_bytes_leaves_no_object() {
    long max = 2L * CHUNK;

    UploadTooLargeException e =
        assertThrows(
            UploadTooLargeException.class,
            () ->
                chunks.putAll(TENANT, "videos/large/original", new PatternStream(max + 1, 2), max));

    assertEquals(max, e.limit());
    assertNothingUnder("videos/large/");
    ChunkedUpload exact =
        chunks.putAll(TENANT, "videos/exact/original", new PatternStream(max, 2), max);
    assertEquals(new ChunkedUpload(2, max), exact);
  }

  @Test
  void a_chunk_of_the_wrong_length_is_rejected_and_leaves_nothing() {
    String prefix = "videos/wrong-length/original";
    byte[] data = data(1000, 3);

    assertThrows(
        ChunkLengthException.class,
        () -> chunks.putChunk(TENANT, prefix, 0, new ByteArrayInputStream(data), 999));
    assertThrows(
        ChunkLengthException.class,
        () -> chunks.putChunk(TENANT, prefix, 0, new ByteArrayInputStream(data), 1001));
    assertThrows(
        IllegalArgumentException.class,
        () -> chunks.putChunk(TENANT, prefix, 0, new ByteArrayInputStream(data), CHUNK + 1));

    assertNothingUnder("videos/wrong-length/");
  }

  @Test
  void putting_a_chunk_again_replaces_it() throws Exception {
    String prefix = "videos/retry/original";
    byte[] first = data(CHUNK, 4);
    byte[] second = data(CHUNK, 5);
    chunks.putChunk(TENANT, prefix, 0, new ByteArrayInputStream(first), CHUNK);

    chunks.putChunk(TENANT, prefix, 0, new ByteArrayInputStream(first), CHUNK);
    assertEquals(List.of(0), List.copyOf(chunks.storedChunks(TENANT, prefix).keySet()));
    assertArrayEquals(first, read(prefix, CHUNK, 0, CHUNK));

    chunks.putChunk(TENANT, prefix, 0, new ByteArrayInputStream(second), CHUNK);
    assertArrayEquals(second, read(prefix, CHUNK, 0, CHUNK));
  }

  @Test
  void a_failed_retry_leaves_the_index_empty_rather_than_half_written() {
    String prefix = "videos/failed-retry/original";
    chunks.putChunk(TENANT, prefix, 0, new ByteArrayInputStream(data(CHUNK, 6)), CHUNK);

    assertThrows(
        ChunkLengthException.class,
        () -> chunks.putChunk(TENANT, prefix, 0, new ByteArrayInputStream(data(10, 6)), CHUNK));

    assertTrue(chunks.storedChunks(TENANT, prefix).isEmpty());
  }

  @Test
  void delete_all_removes_the_chunks_of_its_prefix_only() throws Exception {
    chunks.putAll(TENANT, "videos/9/original", new PatternStream(2L * CHUNK + 1, 8), CHUNK * 3L);
    chunks.putAll(TENANT, "videos/9/original2", new PatternStream(10, 8), 10);

    assertEquals(3, chunks.deleteAll(TENANT, "videos/9/original"));

    assertTrue(chunks.storedChunks(TENANT, "videos/9/original").isEmpty());
    assertEquals(1, chunks.storedChunks(TENANT, "videos/9/original2").size());
  }

  @Test
  void chunks_swapped_in_the_store_do_not_decrypt() throws Exception {
    String prefix = "videos/swapped/original";
    int size = 2 * CHUNK;
    chunks.putAll(TENANT, prefix, new PatternStream(size, 9), size);
    copyBlob(SealedChunks.chunkId(prefix, 1), SealedChunks.chunkId(prefix, 0));

    assertThrows(SealedObjectException.class, () -> read(prefix, size, 0, size));
  }

  @Test
  void a_missing_chunk_fails_the_read_when_the_reader_gets_there() throws Exception {
    String prefix = "videos/gap/original";
    int size = 3 * CHUNK;
    chunks.putAll(TENANT, prefix, new PatternStream(size, 10), size);
    store.delete(TENANT, SealedChunks.chunkId(prefix, 1));

    try (InputStream in = chunks.openRange(TENANT, prefix, size, 0, size)) {
      assertEquals(CHUNK, in.readNBytes(CHUNK).length);
      assertThrows(IOException.class, in::read);
    }
    assertThrows(
        SealedObjectException.class, () -> chunks.openRange(TENANT, prefix, size, CHUNK + 1, 5));
  }

  private static byte[] read(String prefix, long size, long offset, long length)
      throws IOException {
    try (InputStream in = chunks.openRange(TENANT, prefix, size, offset, length)) {
      return in.readAllBytes();
    }
  }

  private static void assertNothingUnder(String prefix) {
    List<ObjectSummary> left = store.list(TENANT, prefix);
    assertTrue(left.isEmpty(), "left behind: " + left);
    assertTrue(store.listIncompleteUploads(TENANT, prefix).isEmpty());
  }

  private static void copyBlob(String fromKey, String toKey) throws IOException {
    ObjectInfo info = store.stat(TENANT, fromKey).orElseThrow();
    try (InputStream in = store.get(TENANT, fromKey)) {
      store.put(TENANT, toKey, in, info.userMetadata());
    }
  }

  private static InputStream slice(byte[] data, int index, long length) {
    return new ByteArrayInputStream(data, index * CHUNK, (int) length);
  }

  static byte[] data(int size, long seed) {
    byte[] data = new byte[size];
    new Random(seed).nextBytes(data);
    return data;
  }

  /** Passes {@code limit} bytes through, then fails like a client that went away. */
  private static final class FailingStream extends FilterInputStream {
    private long left;

    FailingStream(InputStream in, long limit) {
      super(in);
      this.left = limit;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (left <= 0) {
        throw new IOException("client went away");
      }
      int n = super.read(b, off, (int) Math.min(len, left));
      if (n > 0) {
        left -= n;
      }
      return n;
    }
  }
}
