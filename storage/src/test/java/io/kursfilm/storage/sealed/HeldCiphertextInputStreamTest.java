package io.kursfilm.storage.sealed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Ranges of ciphertext Tink's own stream wrote, decrypted from memory: every offset class around
 * the header and segment boundaries, the end of the object, and damage.
 */
class HeldCiphertextInputStreamTest {

  static final CiphertextLayout LAYOUT = SmallSegmentKey.LAYOUT;
  static final byte[] AD = "tenant-a|segment".getBytes();
  static final int PLAIN = SmallSegmentKey.PLAIN;
  static final int HEADER = CiphertextLayout.HEADER_SIZE;

  static final DataKeys.Opened dek = SmallSegmentKey.DEK;

  @Test
  void every_range_around_segment_boundaries_reads_the_plaintext_of_that_range() throws Exception {
    byte[] plaintext = random(3 * PLAIN + 100);
    byte[] sealed = seal(plaintext);
    int[] offsets = {
      0, 1, PLAIN - HEADER - 1, PLAIN - HEADER, PLAIN - HEADER + 1, 2 * PLAIN - HEADER
    };
    int[] lengths = {1, 17, PLAIN, PLAIN + 1, 2 * PLAIN + 3, Integer.MAX_VALUE};
    for (int offset : offsets) {
      for (int length : lengths) {
        int end = (int) Math.min(plaintext.length, (long) offset + length);
        assertArrayEquals(
            Arrays.copyOfRange(plaintext, offset, end),
            read(sealed, offset, length),
            "offset " + offset + ", length " + length);
      }
    }
  }

  @Test
  void the_whole_object_and_the_empty_range_at_its_end() throws Exception {
    for (int size : new int[] {0, 1, PLAIN - HEADER, PLAIN - HEADER + 1, 2 * PLAIN}) {
      byte[] plaintext = random(size);
      byte[] sealed = seal(plaintext);
      assertArrayEquals(plaintext, read(sealed, 0, Long.MAX_VALUE), "size " + size);
      assertEquals(0, read(sealed, size, 10).length, "size " + size);
    }
  }

  @Test
  void a_range_beyond_the_end_is_refused() throws Exception {
    byte[] sealed = seal(random(100));
    assertThrows(IllegalArgumentException.class, () -> read(sealed, 101, 1));
  }

  @Test
  void a_tampered_segment_fails_the_read_of_a_range_in_it_and_nothing_of_it_is_returned()
      throws Exception {
    byte[] plaintext = random(3 * PLAIN);
    byte[] sealed = seal(plaintext);
    sealed[LAYOUT.segmentSize() + 10] ^= 1; // inside the second segment
    assertArrayEquals(
        Arrays.copyOfRange(plaintext, 0, 100), read(sealed, 0, 100), "the first still opens");
    try (InputStream in = open(sealed, PLAIN, 10)) {
      assertThrows(IOException.class, in::read);
    }
  }

  @Test
  void a_truncated_ciphertext_does_not_pass_for_a_shorter_object() throws Exception {
    byte[] sealed = seal(random(2 * PLAIN));
    // Cut after the first segment: it was not sealed as the last one, so it must not open as such.
    byte[] cut = Arrays.copyOf(sealed, LAYOUT.segmentSize());
    assertThrows(IOException.class, () -> read(cut, 0, 10));
  }

  @Test
  void a_stored_object_not_of_its_size_is_refused_while_read() {
    byte[] sealed = new byte[LAYOUT.segmentSize() + 100];
    assertThrows(
        IOException.class,
        () ->
            HeldCiphertextInputStream.read(
                new ByteArrayInputStream(sealed), sealed.length + 1, LAYOUT));
    assertThrows(
        IOException.class,
        () ->
            HeldCiphertextInputStream.read(
                new ByteArrayInputStream(sealed), sealed.length - 1, LAYOUT));
  }

  @Test
  void another_objects_associated_data_does_not_open() throws Exception {
    byte[] sealed = seal(random(1000));
    InputStream in =
        new HeldCiphertextInputStream(
            segments(sealed),
            LAYOUT,
            dek.segmentDecrypter(Arrays.copyOf(sealed, HEADER), "tenant-b|segment".getBytes()),
            0,
            10);
    assertThrows(IOException.class, in::read);
  }

  private static byte[] read(byte[] sealed, long offset, long length) throws Exception {
    try (InputStream in = open(sealed, offset, length)) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[1000]; // smaller than a segment: reads resume inside one
      for (int n; (n = in.read(buffer)) >= 0; ) {
        out.write(buffer, 0, n);
      }
      return out.toByteArray();
    }
  }

  private static InputStream open(byte[] sealed, long offset, long length) throws Exception {
    return new HeldCiphertextInputStream(
        segments(sealed),
        LAYOUT,
        dek.segmentDecrypter(Arrays.copyOf(sealed, HEADER), AD),
        offset,
        length);
  }

  private static byte[][] segments(byte[] sealed) throws IOException {
    return HeldCiphertextInputStream.read(new ByteArrayInputStream(sealed), sealed.length, LAYOUT);
  }

  private static byte[] seal(byte[] plaintext) throws IOException {
    return SmallSegmentKey.seal(plaintext, AD);
  }

  private static byte[] random(int size) {
    return SmallSegmentKey.random(size);
  }
}
