package io.kursfilm.storage.sealed;

/**
 * Arithmetic of Tink's AES-GCM-HKDF streaming format with 32-byte keys and 1 MiB ciphertext
 * segments: a 40-byte header (1 length byte, 32-byte salt, 7-byte nonce prefix) opens the first
 * segment, and every segment ends in a 16-byte tag. Lets us size objects and find the segments of a
 * plaintext range without reading anything. Pinned by {@code CiphertextLayoutTest} against real
 * ciphertexts.
 */
final class CiphertextLayout {

  static final int SEGMENT_SIZE = 1 << 20;
  static final int TAG_SIZE = 16;
  static final int HEADER_SIZE = 1 + 32 + 7;

  /** Plaintext bytes in every segment but the first, which also holds the header. */
  static final int PLAINTEXT_SEGMENT_SIZE = SEGMENT_SIZE - TAG_SIZE;

  private CiphertextLayout() {}

  /** Bytes stored for {@code plaintextSize} plaintext bytes. */
  static long ciphertextSize(long plaintextSize) {
    requireNonNegative(plaintextSize);
    // Treat the header as plaintext of the first segment: then every segment is alike.
    long virtual = plaintextSize + HEADER_SIZE;
    long fullSegments = virtual / PLAINTEXT_SEGMENT_SIZE;
    long rest = virtual % PLAINTEXT_SEGMENT_SIZE;
    return fullSegments * SEGMENT_SIZE + (rest > 0 ? rest + TAG_SIZE : 0);
  }

  /**
   * Plaintext bytes inside {@code ciphertextSize} stored bytes.
   *
   * @throws IllegalArgumentException when no plaintext size yields that ciphertext size
   */
  static long plaintextSize(long ciphertextSize) {
    requireNonNegative(ciphertextSize);
    long fullSegments = ciphertextSize / SEGMENT_SIZE;
    long rest = ciphertextSize % SEGMENT_SIZE;
    if (rest > 0 && rest <= TAG_SIZE) {
      throw new IllegalArgumentException("not a valid ciphertext size");
    }
    long plaintext =
        fullSegments * PLAINTEXT_SEGMENT_SIZE + (rest > 0 ? rest - TAG_SIZE : 0) - HEADER_SIZE;
    if (plaintext < 0) {
      throw new IllegalArgumentException("not a valid ciphertext size");
    }
    return plaintext;
  }

  /** Index of the segment holding plaintext byte {@code plaintextOffset}. */
  static long segmentOf(long plaintextOffset) {
    requireNonNegative(plaintextOffset);
    return (plaintextOffset + HEADER_SIZE) / PLAINTEXT_SEGMENT_SIZE;
  }

  /**
   * The stored bytes {@code [start, end)} that decrypting plaintext {@code [offset, offset +
   * length)} needs: whole segments, cut at the end of the object.
   */
  static Window window(long offset, long length, long ciphertextSize) {
    if (length <= 0) {
      return new Window(0, 0);
    }
    long start = segmentOf(offset) * SEGMENT_SIZE;
    long end = (segmentOf(offset + length - 1) + 1) * SEGMENT_SIZE;
    return new Window(start, Math.min(end, ciphertextSize));
  }

  /** A span of stored bytes, {@code [start, end)}. */
  record Window(long start, long end) {
    boolean contains(long position) {
      return position >= start && position < end;
    }
  }

  private static void requireNonNegative(long value) {
    if (value < 0) {
      throw new IllegalArgumentException("size or offset must not be negative");
    }
  }
}
