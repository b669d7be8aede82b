package io.kursfilm.storage.sealed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import org.junit.jupiter.api.Test;

/**
 * The parallel decryption of whole objects against ciphertext Tink's own stream wrote, in memory:
 * segment order, the first and last segment, batches and every way a ciphertext can be damaged. The
 * store's part is covered by {@code SealedObjectsIT} and {@code LargeObjectIT}.
 */
class ParallelDecryptingInputStreamTest {

  static final CiphertextLayout LAYOUT = SmallSegmentKey.LAYOUT;
  static final byte[] AD = "tenant-a|object".getBytes();
  static final int PLAIN = SmallSegmentKey.PLAIN;

  static final DataKeys.Opened dek = SmallSegmentKey.DEK;

  final Set<Thread> started = ConcurrentHashMap.newKeySet();
  final ThreadFactory threads =
      r -> {
        Thread t = new Thread(r, "test-decrypt");
        started.add(t);
        return t;
      };

  @Test
  void round_trips_sizes_around_segment_and_batch_boundaries() throws Exception {
    int batch = ParallelDecryptingInputStream.BATCH;
    int header = CiphertextLayout.HEADER_SIZE;
    int[] sizes = {
      0,
      1,
      PLAIN - header - 1,
      PLAIN - header,
      PLAIN - header + 1,
      batch * PLAIN - header,
      batch * PLAIN - header + 1,
      3 * batch * PLAIN + 17,
      200_000
    };
    for (int size : sizes) {
      byte[] plaintext = random(size);
      assertArrayEquals(plaintext, decrypt(seal(plaintext)), "size " + size);
    }
  }

  @Test
  void a_tampered_segment_fails_and_nothing_of_it_is_returned() throws Exception {
    byte[] plaintext = random(10 * PLAIN);
    byte[] ciphertext = seal(plaintext);
    ciphertext[LAYOUT.segmentSize() * 6 + 100] ^= 1;
    ByteArrayOutputStream got = new ByteArrayOutputStream();
    try (InputStream in = open(ciphertext, ciphertext.length)) {
      IOException failure = assertThrows(IOException.class, () -> in.transferTo(got));
      assertTrue(failure.getCause() instanceof GeneralSecurityException, failure.toString());
    }
    assertTrue(got.size() <= 6 * PLAIN, "bytes after the tampered segment: " + got.size());
    assertArrayEquals(Arrays.copyOf(plaintext, got.size()), got.toByteArray());
  }

  @Test
  void a_truncated_object_fails_whether_or_not_its_size_says_so() throws Exception {
    byte[] ciphertext = seal(random(5 * PLAIN));
    byte[] shorter = Arrays.copyOf(ciphertext, ciphertext.length - LAYOUT.segmentSize());
    assertThrows(EOFException.class, () -> drain(open(shorter, ciphertext.length)));
    // Cut at a segment boundary and sized to match: the new last segment lacks the last flag.
    IOException cut = assertThrows(IOException.class, () -> drain(open(shorter, shorter.length)));
    assertTrue(cut.getCause() instanceof GeneralSecurityException, cut.toString());
  }

  @Test
  void bytes_past_the_stored_size_fail() throws Exception {
    byte[] ciphertext = seal(random(3 * PLAIN));
    byte[] longer = Arrays.copyOf(ciphertext, ciphertext.length + 1);
    IOException failure =
        assertThrows(IOException.class, () -> drain(open(longer, ciphertext.length)));
    assertTrue(failure.getMessage().contains("longer"), failure.getMessage());
  }

  @Test
  void another_objects_associated_data_fails() throws Exception {
    byte[] ciphertext = seal(random(2 * PLAIN));
    InputStream in =
        new ParallelDecryptingInputStream(
            new ByteArrayInputStream(ciphertext),
            LAYOUT,
            ciphertext.length,
            header -> dek.segmentDecrypter(header, "tenant-b|object".getBytes()),
            2,
            4,
            threads);
    assertThrows(IOException.class, () -> drain(in));
  }

  @Test
  void closing_early_stops_every_thread() throws Exception {
    byte[] ciphertext = seal(random(64 * PLAIN));
    InputStream in = open(ciphertext, ciphertext.length);
    assertEquals(PLAIN, in.readNBytes(PLAIN).length);
    in.close();
    for (Thread t : started) {
      t.join(5_000);
      assertTrue(!t.isAlive(), t.getName() + " still runs");
    }
    assertTrue(started.size() >= 2, "reader and at least one decrypter");
  }

  private InputStream open(byte[] ciphertext, long size) {
    return new ParallelDecryptingInputStream(
        new ByteArrayInputStream(ciphertext),
        LAYOUT,
        size,
        header -> dek.segmentDecrypter(header, AD),
        2,
        3,
        threads);
  }

  private byte[] decrypt(byte[] ciphertext) throws IOException {
    try (InputStream in = open(ciphertext, ciphertext.length)) {
      return in.readAllBytes();
    }
  }

  private static void drain(InputStream in) throws IOException {
    try (in) {
      in.transferTo(OutputStream.nullOutputStream());
    }
  }

  private static byte[] seal(byte[] plaintext) throws IOException {
    return SmallSegmentKey.seal(plaintext, AD);
  }

  private static byte[] random(int size) {
    return SmallSegmentKey.random(size);
  }
}
