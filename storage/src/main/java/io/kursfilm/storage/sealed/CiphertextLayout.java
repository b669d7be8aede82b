package io.kursfilm.storage.sealed;

/**
 * Arithmetic of Tink's AES-GCM-HKDF streaming format with 32-byte keys: a 40-byte header (1 length
 * byte, 32-byte salt, 7-byte nonce prefix) opens the first segment, and every segment of {@code
 * segmentSize} stored bytes ends in a 16-byte tag. Lets us size objects and find the segments of a
 * plaintext range without reading anything. Pinned by {@code CiphertextLayoutTest} against real
 * ciphertexts.
 *
 * @param segmentSize stored bytes per segment, tag included
 */
record CiphertextLayout(int segmentSize) {

  static final int TAG_SIZE = 16;
  static final int HEADER_SIZE = 1 + 32 + 7;

  /**
   * Objects are sealed in 256 KiB segments: a 1 MiB range then fetches and decrypts at most 1.25
   * MiB instead of 2 MiB, and Tink's two segment buffers per range stay below G1's humongous-object
   * threshold.
   */
  static final CiphertextLayout SEALING = new CiphertextLayout(256 * 1024);

  /** Objects sealed before 256 KiB segments: Tink's {@code AES256_GCM_HKDF_1MB}; still opened. */
  static final CiphertextLayout ONE_MIB = new CiphertextLayout(1 << 20);

  CiphertextLayout {
    if (segmentSize <= HEADER_SIZE + TAG_SIZE) {
      throw new IllegalArgumentException("segment too small for header and tag");
    }
  }

  /** Plaintext bytes in every segment but the first, which also holds the header. */
  int plaintextSegmentSize() {
    return segmentSize - TAG_SIZE;
  }

  /** Bytes stored for {@code plaintextSize} plaintext bytes. */
  long ciphertextSize(long plaintextSize) {
    requireNonNegative(plaintextSize);
    // Treat the header as plaintext of the first segment: then every segment is alike.
    long virtual = plaintextSize + HEADER_SIZE;
    long fullSegments = virtual / plaintextSegmentSize();
    long rest = virtual % plaintextSegmentSize();
    return fullSegments * segmentSize + (rest > 0 ? rest + TAG_SIZE : 0);
  }

  /**
   * Plaintext bytes inside {@code ciphertextSize} stored bytes.
   *
   * @throws IllegalArgumentException when no plaintext size yields that ciphertext size
   */
  long plaintextSize(long ciphertextSize) {
    requireNonNegative(ciphertextSize);
    long fullSegments = ciphertextSize / segmentSize;
    long rest = ciphertextSize % segmentSize;
    if (rest > 0 && rest <= TAG_SIZE) {
      throw new IllegalArgumentException("not a valid ciphertext size");
    }
    long plaintext =
        fullSegments * plaintextSegmentSize() + (rest > 0 ? rest - TAG_SIZE : 0) - HEADER_SIZE;
    if (plaintext < 0) {
      throw new IllegalArgumentException("not a valid ciphertext size");
    }
    return plaintext;
  }

  /** Index of the segment holding plaintext byte {@code plaintextOffset}. */
  long segmentOf(long plaintextOffset) {
    requireNonNegative(plaintextOffset);
    return (plaintextOffset + HEADER_SIZE) / plaintextSegmentSize();
  }

  /**
   * The stored bytes {@code [start, end)} that decrypting plaintext {@code [offset, offset +
   * length)} needs: whole segments, cut at the end of the object.
   */
  Window window(long offset, long length, long ciphertextSize) {
    if (length <= 0) {
      return new Window(0, 0);
    }
    long start = segmentOf(offset) * segmentSize;
    long end = (segmentOf(offset + length - 1) + 1) * segmentSize;
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
