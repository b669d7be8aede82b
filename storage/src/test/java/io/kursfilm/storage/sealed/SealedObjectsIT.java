package io.kursfilm.storage.sealed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kursfilm.storage.keys.LocalKeyStore;
import io.kursfilm.storage.objects.ObjectInfo;
import io.kursfilm.storage.objects.ObjectStore;
import io.kursfilm.storage.testing.LocalS3;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SealedObjectsIT {

  static final CiphertextLayout L = CiphertextLayout.SEALING;
  static final int SEGMENT = L.segmentSize();
  static final int MIB = 1 << 20;
  static final int FIRST_PLAINTEXT_SEGMENT = SEGMENT - CiphertextLayout.HEADER_SIZE - 16;

  @TempDir static Path dir;
  static LocalS3 s3;
  static ObjectStore store;
  static SealedObjects sealed;
  static LocalKeyStore keys;

  @BeforeAll
  static void start() throws Exception {
    s3 = new LocalS3(dir.resolve("s3"), 0).start();
    store = new ObjectStore(s3.settings("kf-sealed"));
    keys = new LocalKeyStore(dir.resolve("keys"), true, Duration.ofMinutes(5), Clock.systemUTC());
    keys.create("tenant-a");
    keys.create("tenant-b");
    sealed = new SealedObjects(store, keys);
    sealed.warmUp();
  }

  @AfterAll
  static void stop() throws Exception {
    s3.close();
  }

  @Test
  void round_trip_of_empty_tiny_and_segment_boundary_sizes() throws Exception {
    int[] sizes = {
      0,
      1,
      FIRST_PLAINTEXT_SEGMENT - 1,
      FIRST_PLAINTEXT_SEGMENT,
      FIRST_PLAINTEXT_SEGMENT + 1,
      FIRST_PLAINTEXT_SEGMENT + L.plaintextSegmentSize() - 1,
      FIRST_PLAINTEXT_SEGMENT + L.plaintextSegmentSize(),
      FIRST_PLAINTEXT_SEGMENT + L.plaintextSegmentSize() + 1,
      SEGMENT,
      3 * SEGMENT + 17
    };
    for (int size : sizes) {
      byte[] data = data(size, size);
      String id = "boundary/" + size;

      SealedObject receipt = sealed.seal("tenant-a", id, new ByteArrayInputStream(data));

      assertEquals(size, receipt.plaintextSize(), "plaintext size " + size);
      assertEquals(L.ciphertextSize(size), receipt.ciphertextSize());
      assertEquals(receipt.ciphertextSize(), store.stat("tenant-a", id).orElseThrow().size());
      assertEquals(size, sealed.plaintextSize("tenant-a", id));
      try (InputStream in = sealed.open("tenant-a", id)) {
        assertArrayEquals(data, in.readAllBytes(), "open, size " + size);
      }
      try (InputStream in = sealed.openRange("tenant-a", id, 0, size)) {
        assertArrayEquals(data, in.readAllBytes(), "openRange, size " + size);
      }
    }
  }

  @Test
  void the_receipt_and_the_object_metadata_carry_the_same_wrapped_key() {
    SealedObject receipt =
        sealed.seal("tenant-a", "receipt", new ByteArrayInputStream(data(1000, 3)));

    ObjectInfo info = store.stat("tenant-a", "receipt").orElseThrow();

    assertEquals(receipt.wrappedDekBase64(), info.userMetadata().get(SealedObjects.DEK_METADATA));
    assertFalse(receipt.toString().contains(receipt.wrappedDekBase64()));
  }

  @Test
  void the_receipt_and_the_object_metadata_carry_the_ciphertext_header() throws Exception {
    SealedObject receipt =
        sealed.seal("tenant-a", "header", new ByteArrayInputStream(data(5000, 8)));

    ObjectInfo info = store.stat("tenant-a", "header").orElseThrow();
    byte[] stored;
    try (InputStream in = store.get("tenant-a", "header", 0, CiphertextLayout.HEADER_SIZE)) {
      stored = in.readAllBytes();
    }

    assertArrayEquals(stored, receipt.header());
    assertEquals(receipt.headerBase64(), info.userMetadata().get(SealedObjects.HEADER_METADATA));
    assertFalse(receipt.toString().contains(receipt.headerBase64()));
  }

  @Test
  void random_ranges_equal_the_plaintext() throws Exception {
    int size = 5 * SEGMENT + 12345;
    byte[] data = data(size, 42);
    SealedObject receipt = sealed.seal("tenant-a", "ranges", new ByteArrayInputStream(data));
    Random random = new Random(4711);
    int boundary = FIRST_PLAINTEXT_SEGMENT + L.plaintextSegmentSize();
    long[][] ranges = new long[60][];
    ranges[0] = new long[] {0, 1};
    ranges[1] = new long[] {0, 300_000};
    ranges[2] = new long[] {size - 1, 1};
    ranges[3] = new long[] {size - 70_000, 70_000};
    ranges[4] = new long[] {size - 10, 1000}; // cut at the end
    ranges[5] = new long[] {boundary - 1, 2};
    ranges[6] = new long[] {FIRST_PLAINTEXT_SEGMENT - 5, 10};
    ranges[7] = new long[] {boundary - 1, SEGMENT}; // touches three segments
    ranges[8] = new long[] {size, 10}; // empty at the very end
    for (int i = 9; i < ranges.length; i++) {
      long offset = random.nextInt(size);
      long length = random.nextInt(i % 3 == 0 ? 2 * SEGMENT : 4096) + 1;
      ranges[i] = new long[] {offset, length};
    }

    for (long[] range : ranges) {
      int from = (int) range[0];
      int to = (int) Math.min(size, range[0] + range[1]);
      byte[] expected = Arrays.copyOfRange(data, from, to);
      try (InputStream in = sealed.openRange("tenant-a", "ranges", range[0], range[1])) {
        assertArrayEquals(expected, in.readAllBytes(), "ids, range " + range[0] + "+" + range[1]);
      }
      try (InputStream in = sealed.openRange(receipt, range[0], range[1])) {
        assertArrayEquals(
            expected, in.readAllBytes(), "receipt, range " + range[0] + "+" + range[1]);
      }
    }
    assertThrows(
        IllegalArgumentException.class, () -> sealed.openRange("tenant-a", "ranges", size + 1, 1));
    assertThrows(IllegalArgumentException.class, () -> sealed.openRange(receipt, size + 1, 1));
  }

  @Test
  void a_one_mib_range_by_ids_costs_one_get_of_its_segments_and_no_stat() throws Exception {
    int size = 40 * MIB;
    SealedObject receipt = sealed.seal("tenant-a", "large", new PatternStream(size, 9));
    int mib = 1024 * 1024;

    for (long offset : new long[] {17L * mib + 333, 30L * mib, 0, size - mib}) {
      CiphertextLayout.Window window = L.window(offset, mib, receipt.ciphertextSize());
      try (RangeInputStream in =
          (RangeInputStream) sealed.openRange("tenant-a", "large", offset, mib)) {
        assertEquals(mib, in.readAllBytes().length);
        // Size, wrapped key and header came with the GET's response headers.
        assertEquals(1, in.requests(), "requests at " + offset);
        assertEquals(window.end() - window.start(), in.ciphertextBytesFetched());
      }
    }
  }

  @Test
  void a_range_longer_than_one_get_streams_through_several_and_equals_the_plaintext()
      throws Exception {
    byte[] data = data(7 * SEGMENT, 21);
    SealedObject receipt = sealed.seal("tenant-a", "long-range", new ByteArrayInputStream(data));
    SealedObjects oneSegmentPerGet = new SealedObjects(store, keys, SEGMENT);
    int from = SEGMENT / 2;
    int length = 5 * SEGMENT;

    try (RangeInputStream in =
        (RangeInputStream) oneSegmentPerGet.openRange("tenant-a", "long-range", from, length)) {
      assertArrayEquals(Arrays.copyOfRange(data, from, from + length), in.readAllBytes());
      assertEquals(6, in.requests());
    }
    try (RangeInputStream in =
        (RangeInputStream) oneSegmentPerGet.openRange(receipt, from, length)) {
      assertArrayEquals(Arrays.copyOfRange(data, from, from + length), in.readAllBytes());
      assertEquals(6, in.requests());
    }
  }

  @Test
  void objects_sealed_in_one_mib_segments_still_open() throws Exception {
    SealedObjects oneMib =
        new SealedObjects(
            store,
            keys,
            SealedObjects.DEFAULT_RANGE_READ_AHEAD,
            r -> new Thread(r, "kf-sealed-test"),
            CiphertextLayout.ONE_MIB,
            CiphertextCache.disabled());
    byte[] data = data(5 * MIB + 999, 23);
    SealedObject receipt = oneMib.seal("tenant-a", "one-mib", new ByteArrayInputStream(data));
    assertEquals(CiphertextLayout.ONE_MIB.ciphertextSize(data.length), receipt.ciphertextSize());
    int from = 2 * MIB - 77;

    assertEquals(data.length, sealed.plaintextSize("tenant-a", "one-mib"));
    assertEquals(receipt, sealed.describe("tenant-a", "one-mib").orElseThrow());
    try (InputStream in = sealed.open("tenant-a", "one-mib")) {
      assertArrayEquals(data, in.readAllBytes());
    }
    try (RangeInputStream in = (RangeInputStream) sealed.openRange(receipt, from, MIB)) {
      assertArrayEquals(Arrays.copyOfRange(data, from, from + MIB), in.readAllBytes());
      assertEquals(1, in.requests());
    }
    try (RangeInputStream in =
        (RangeInputStream) sealed.openRange("tenant-a", "one-mib", from, MIB)) {
      assertArrayEquals(Arrays.copyOfRange(data, from, from + MIB), in.readAllBytes());
      // The first GET guessed 256 KiB segments; the older layout costs one more.
      assertTrue(in.requests() <= 2, "requests " + in.requests());
    }
  }

  @Test
  void a_described_object_has_its_receipt_and_reads_with_one_get() throws Exception {
    byte[] data = data(3 * SEGMENT + 5, 31);
    SealedObject receipt = sealed.seal("tenant-a", "described", new ByteArrayInputStream(data));

    SealedObject described = sealed.describe("tenant-a", "described").orElseThrow();

    assertEquals(receipt, described);
    try (RangeInputStream in = (RangeInputStream) sealed.openRange(described, SEGMENT, 5000)) {
      assertArrayEquals(Arrays.copyOfRange(data, SEGMENT, SEGMENT + 5000), in.readAllBytes());
      assertEquals(1, in.requests());
    }
    assertTrue(sealed.describe("tenant-a", "no-such").isEmpty());
    assertTrue(sealed.describe("tenant-b", "described").isEmpty());
    store.put("tenant-a", "plain", new ByteArrayInputStream(data(100, 1)));
    assertThrows(SealedObjectException.class, () -> sealed.describe("tenant-a", "plain"));
  }

  @Test
  void a_range_of_a_missing_object_or_past_the_end_fails_clearly() throws Exception {
    sealed.seal("tenant-a", "short", new ByteArrayInputStream(data(1000, 22)));

    assertThrows(SealedObjectException.class, () -> sealed.openRange("tenant-a", "no-such", 0, 10));
    assertThrows(
        IllegalArgumentException.class,
        () -> sealed.openRange("tenant-a", "short", 2L * SEGMENT, 10));
    try (InputStream in = sealed.openRange("tenant-a", "short", 1000, 10)) {
      assertEquals(-1, in.read());
    }
    try (InputStream in = sealed.openRange("tenant-a", "short", 990, 0)) {
      assertEquals(-1, in.read());
    }
  }

  @Test
  void a_one_mib_range_via_the_receipt_costs_exactly_one_get_of_its_segments() throws Exception {
    int size = 40 * MIB;
    SealedObject receipt = sealed.seal("tenant-a", "large-receipt", new PatternStream(size, 9));
    byte[] whole;
    try (InputStream in = sealed.open("tenant-a", "large-receipt")) {
      whole = in.readAllBytes();
    }
    int mib = 1024 * 1024;

    for (long offset : new long[] {17L * mib + 333, 30L * mib, 0, 5, size - mib}) {
      CiphertextLayout.Window window = L.window(offset, mib, receipt.ciphertextSize());
      try (RangeInputStream in = (RangeInputStream) sealed.openRange(receipt, offset, mib)) {
        byte[] got = in.readAllBytes();

        assertArrayEquals(Arrays.copyOfRange(whole, (int) offset, (int) offset + mib), got);
        assertEquals(1, in.requests(), "requests at " + offset);
        // Exactly the segments the range touches; the header came from the receipt.
        long headerInWindow = window.start() == 0 ? CiphertextLayout.HEADER_SIZE : 0;
        assertEquals(
            window.end() - window.start() - headerInWindow,
            in.ciphertextBytesFetched(),
            "bytes at " + offset);
      }
    }
    // A small range fetches its one segment, not a read-ahead.
    try (RangeInputStream in = (RangeInputStream) sealed.openRange(receipt, 20L * mib, 100)) {
      assertEquals(100, in.readAllBytes().length);
      assertEquals(1, in.requests());
      assertTrue(in.ciphertextBytesFetched() <= 2L * SEGMENT);
    }
  }

  @Test
  void a_receipt_with_a_tampered_wrapped_key_does_not_open() {
    SealedObject receipt =
        sealed.seal("tenant-a", "receipt-dek", new ByteArrayInputStream(data(3 * SEGMENT, 11)));
    byte[] dek = receipt.wrappedDek();
    dek[dek.length / 2] ^= 0x01;
    SealedObject tampered = withKeyAndHeader(receipt, dek, receipt.header());

    assertThrows(SealedObjectException.class, () -> sealed.openRange(tampered, 0, 10));
  }

  @Test
  void a_receipt_with_a_tampered_header_fails_before_yielding_plaintext() throws Exception {
    SealedObject receipt =
        sealed.seal("tenant-a", "receipt-hdr", new ByteArrayInputStream(data(3 * SEGMENT, 12)));
    for (int flipped : new int[] {5, CiphertextLayout.HEADER_SIZE - 1}) {
      byte[] header = receipt.header();
      header[flipped] ^= 0x01; // inside the salt, then inside the nonce prefix
      SealedObject tampered = withKeyAndHeader(receipt, receipt.wrappedDek(), header);

      try (InputStream in = sealed.openRange(tampered, SEGMENT + 10, 100)) {
        byte[] buffer = new byte[100];
        assertThrows(IOException.class, () -> in.read(buffer));
      }
    }
    SealedObject shortHeader = withKeyAndHeader(receipt, receipt.wrappedDek(), new byte[8]);
    assertThrows(SealedObjectException.class, () -> sealed.openRange(shortHeader, 0, 10));
  }

  @Test
  void a_receipt_presented_for_another_tenant_or_id_does_not_open() {
    SealedObject receipt =
        sealed.seal("tenant-a", "receipt-moved", new ByteArrayInputStream(data(2000, 13)));
    SealedObject otherTenant =
        new SealedObject(
            "tenant-b",
            receipt.objectId(),
            receipt.key(),
            receipt.wrappedDek(),
            receipt.header(),
            receipt.ciphertextSize(),
            receipt.plaintextSize());
    SealedObject otherId =
        new SealedObject(
            "tenant-a",
            "receipt-other",
            receipt.key(),
            receipt.wrappedDek(),
            receipt.header(),
            receipt.ciphertextSize(),
            receipt.plaintextSize());

    assertThrows(SealedObjectException.class, () -> sealed.openRange(otherTenant, 0, 10));
    assertThrows(SealedObjectException.class, () -> sealed.openRange(otherId, 0, 10));
  }

  @Test
  void another_tenants_key_cannot_open_the_object_and_yields_no_bytes() throws Exception {
    sealed.seal("tenant-a", "secret", new ByteArrayInputStream(data(3 * SEGMENT, 5)));
    // Simulates a tenant-isolation bug: tenant b's bucket somehow holds tenant a's blob.
    copyBlob("tenant-a", "secret", "tenant-b", "secret");

    assertThrows(SealedObjectException.class, () -> sealed.open("tenant-b", "secret"));
    assertThrows(SealedObjectException.class, () -> sealed.openRange("tenant-b", "secret", 0, 10));
  }

  @Test
  void an_object_sealed_under_one_id_does_not_open_under_another() throws Exception {
    sealed.seal("tenant-a", "video/1", new ByteArrayInputStream(data(2000, 6)));
    copyBlob("tenant-a", "video/1", "tenant-a", "video/2");

    assertThrows(SealedObjectException.class, () -> sealed.open("tenant-a", "video/2"));
    assertThrows(SealedObjectException.class, () -> sealed.openRange("tenant-a", "video/2", 0, 1));
  }

  @Test
  void a_flipped_byte_in_the_stored_ciphertext_fails_decryption() throws Exception {
    byte[] data = data(3 * SEGMENT, 7);
    sealed.seal("tenant-a", "tampered", new ByteArrayInputStream(data));
    ObjectInfo info = store.stat("tenant-a", "tampered").orElseThrow();
    byte[] blob;
    try (InputStream in = store.get("tenant-a", "tampered")) {
      blob = in.readAllBytes();
    }
    int flipped = SEGMENT + 4321; // inside the second segment
    blob[flipped] ^= 0x01;
    store.put("tenant-a", "tampered", new ByteArrayInputStream(blob), info.userMetadata());

    assertThrows(IOException.class, () -> readAll(sealed.open("tenant-a", "tampered")));
    assertThrows(
        IOException.class,
        () -> readAll(sealed.openRange("tenant-a", "tampered", FIRST_PLAINTEXT_SEGMENT + 10, 10)));
    // The untouched first segment still decrypts on its own: segments are authenticated singly.
    try (InputStream in = sealed.openRange("tenant-a", "tampered", 0, 100)) {
      assertArrayEquals(Arrays.copyOf(data, 100), in.readAllBytes());
    }
  }

  @Test
  void a_source_that_fails_midway_leaves_no_object_and_no_incomplete_upload() {
    // Larger than one multipart part, so the failure hits an upload in progress.
    InputStream failing = new FailingStream(new PatternStream(40L * MIB, 1), 20L * MIB);

    assertThrows(SealedObjectException.class, () -> sealed.seal("tenant-b", "broken", failing));

    assertFalse(store.exists("tenant-b", "broken"));
    assertTrue(store.listIncompleteUploads("tenant-b", "").isEmpty());
    assertNoReadAheadThreads();
  }

  @Test
  void closing_a_stream_midway_leaves_no_thread_running() throws Exception {
    sealed.seal("tenant-a", "half-read", new PatternStream(12L * SEGMENT, 3));

    try (InputStream in = sealed.open("tenant-a", "half-read")) {
      assertEquals(SEGMENT, in.readNBytes(SEGMENT).length);
    }

    assertNoReadAheadThreads();
  }

  private static void assertNoReadAheadThreads() {
    assertTrue(
        Thread.getAllStackTraces().keySet().stream()
            .noneMatch(t -> t.isAlive() && t.getName().startsWith("kf-sealed-")),
        "a read-ahead thread is still running");
  }

  @Test
  void a_small_source_that_fails_leaves_no_object() {
    InputStream failing = new FailingStream(new PatternStream(SEGMENT, 1), 1000);

    assertThrows(SealedObjectException.class, () -> sealed.seal("tenant-b", "tiny", failing));

    assertFalse(store.exists("tenant-b", "tiny"));
    assertTrue(store.listIncompleteUploads("tenant-b", "").isEmpty());
  }

  @Test
  void ids_that_could_blur_the_associated_data_are_refused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> sealed.seal("tenant-a", "a|b", new ByteArrayInputStream(new byte[1])));
    assertThrows(
        IllegalArgumentException.class,
        () -> sealed.seal("tenant|a", "b", new ByteArrayInputStream(new byte[1])));
  }

  private static SealedObject withKeyAndHeader(SealedObject r, byte[] wrappedDek, byte[] header) {
    return new SealedObject(
        r.tenantId(),
        r.objectId(),
        r.key(),
        wrappedDek,
        header,
        r.ciphertextSize(),
        r.plaintextSize());
  }

  private static void copyBlob(String fromTenant, String fromKey, String toTenant, String toKey)
      throws IOException {
    ObjectInfo info = store.stat(fromTenant, fromKey).orElseThrow();
    try (InputStream in = store.get(fromTenant, fromKey)) {
      store.put(toTenant, toKey, in, info.userMetadata());
    }
  }

  private static void readAll(InputStream in) throws IOException {
    try (in) {
      in.transferTo(OutputStreamSink.INSTANCE);
    }
  }

  static byte[] data(int size, long seed) {
    byte[] data = new byte[size];
    new Random(seed).nextBytes(data);
    return data;
  }

  /** Discards everything written. */
  private static final class OutputStreamSink extends java.io.OutputStream {
    static final OutputStreamSink INSTANCE = new OutputStreamSink();

    @Override
    public void write(int b) {}

    @Override
    public void write(byte[] b, int off, int len) {}
  }

  /** Passes {@code limit} bytes through, then fails like a client that went away. */
  private static final class FailingStream extends java.io.FilterInputStream {
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
