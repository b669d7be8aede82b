package io.kursfilm.storage.sealed;

import com.google.crypto.tink.subtle.StreamSegmentDecrypter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;

/**
 * Plaintext bytes {@code [offset, offset + length)} of a sealed object whose whole ciphertext is
 * held in memory (the {@link CiphertextCache}, or one GET of the whole object): each segment the
 * range needs is decrypted straight from the held bytes into one plaintext buffer, when the reader
 * reaches it. Tink's seekable channel did the same work with two fresh segment buffers per open and
 * a copy of every ciphertext segment into one of them, which profiling of the segment path put at
 * about a tenth of its CPU.
 *
 * <p>The ciphertext is held as its stored segments, one array each ({@link #read}): a 625 KB HLS
 * segment in one array is a humongous object for G1 (half a 1 MiB region or more), and allocating
 * one per request made a GET of the whole object dearer than the ranged channel it replaced.
 *
 * <p>Every segment is authenticated before any of its bytes is returned; a tampered or truncated
 * ciphertext fails the read with an {@link IOException}, as Tink's channel does.
 */
final class HeldCiphertextInputStream extends InputStream {

  private final byte[][] ciphertext;
  private final CiphertextLayout layout;
  private final StreamSegmentDecrypter decrypter;
  private final long lastSegment;
  private final ByteBuffer plaintext;

  /** The next segment to decrypt. */
  private long segment;

  /** Plaintext bytes still to return. */
  private long remaining;

  /** Where the range starts in the first segment it needs; 0 once that one is decrypted. */
  private int skip;

  /**
   * @param ciphertext the stored segments in order, as {@link #read} returns them
   * @param decrypter initialised with the object's header and associated data
   */
  HeldCiphertextInputStream(
      byte[][] ciphertext,
      CiphertextLayout layout,
      StreamSegmentDecrypter decrypter,
      long offset,
      long length) {
    long size = SealedRanges.plaintextSizeOf(layout, sizeOf(ciphertext, layout));
    if (offset < 0 || length < 0 || offset > size) {
      throw new IllegalArgumentException("range outside the object");
    }
    this.ciphertext = ciphertext;
    this.layout = layout;
    this.decrypter = decrypter;
    this.lastSegment = ciphertext.length - 1;
    this.remaining = Math.min(length, size - offset);
    this.segment = layout.segmentOf(offset);
    this.plaintext = ByteBuffer.allocate(remaining == 0 ? 0 : layout.plaintextSegmentSize());
    this.plaintext.limit(0);
    // The first segment's plaintext starts after the header, every other one at its beginning.
    long virtual = offset + CiphertextLayout.HEADER_SIZE - segment * layout.plaintextSegmentSize();
    this.skip = (int) (segment == 0 ? virtual - CiphertextLayout.HEADER_SIZE : virtual);
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (remaining == 0) {
      return -1;
    }
    int n = Math.min(len, ready());
    plaintext.get(b, off, n);
    remaining -= n;
    return n;
  }

  /** Writes each decrypted segment straight from its buffer: no copy into a caller's buffer. */
  @Override
  public long transferTo(OutputStream out) throws IOException {
    long sent = 0;
    while (remaining > 0) {
      int n = ready();
      out.write(plaintext.array(), plaintext.arrayOffset() + plaintext.position(), n);
      plaintext.position(plaintext.position() + n);
      remaining -= n;
      sent += n;
    }
    return sent;
  }

  /** Plaintext bytes of the range ready in the buffer, decrypting the next segment if none are. */
  private int ready() throws IOException {
    if (!plaintext.hasRemaining()) {
      decryptNext();
    }
    return (int) Math.min(plaintext.remaining(), remaining);
  }

  @Override
  public int available() {
    return (int) Math.min(plaintext.remaining(), remaining);
  }

  /**
   * Reads {@code size} stored bytes into one array per stored segment.
   *
   * @throws IOException when the stream ends early or holds more
   */
  static byte[][] read(InputStream in, long size, CiphertextLayout layout) throws IOException {
    int count = Math.toIntExact((size + layout.segmentSize() - 1) / layout.segmentSize());
    byte[][] segments = new byte[count][];
    for (int i = 0; i < count; i++) {
      segments[i] =
          new byte[(int) Math.min(layout.segmentSize(), size - (long) i * layout.segmentSize())];
      if (in.readNBytes(segments[i], 0, segments[i].length) != segments[i].length) {
        throw new IOException("stored object shorter than its size");
      }
    }
    if (in.read() >= 0) {
      throw new IOException("stored object longer than its size");
    }
    return segments;
  }

  /** Stored bytes of the segments; every one but the last must be whole. */
  private static long sizeOf(byte[][] segments, CiphertextLayout layout) {
    long size = 0;
    for (int i = 0; i < segments.length; i++) {
      if (i < segments.length - 1 && segments[i].length != layout.segmentSize()) {
        throw new IllegalArgumentException("a segment before the last is not whole");
      }
      size += segments[i].length;
    }
    return size;
  }

  private void decryptNext() throws IOException {
    if (segment > lastSegment) {
      throw new IOException("sealed object ended before the range");
    }
    byte[] stored = ciphertext[(int) segment];
    int start = segment == 0 ? CiphertextLayout.HEADER_SIZE : 0;
    if (stored.length - start < CiphertextLayout.TAG_SIZE) {
      throw new IOException("sealed segment " + segment + " shorter than its tag");
    }
    plaintext.clear();
    try {
      decrypter.decryptSegment(
          ByteBuffer.wrap(stored, start, stored.length - start),
          (int) segment,
          segment == lastSegment,
          plaintext);
    } catch (GeneralSecurityException e) {
      plaintext.limit(0);
      remaining = 0;
      throw new IOException("sealed segment " + segment + " failed authentication", e);
    }
    plaintext.flip();
    plaintext.position(skip);
    skip = 0;
    segment++;
  }
}
