package io.kursfilm.storage.sealed;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;

/**
 * A read-only view of one stored ciphertext as a {@link SeekableByteChannel}, backed by ranged
 * GETs, for Tink's seekable decryption. The 40-byte header comes from memory when the caller knows
 * it (receipt or metadata), so it costs no request. Inside the window the decryption will need, one
 * GET asks for the window's segments (up to the per-GET limit) and its body is read straight into
 * Tink's segment buffer as the bytes arrive: the first segment decrypts while the next one is still
 * on the wire, and nothing is buffered here, so memory does not grow with the range. Outside the
 * window it fetches only the bytes asked for. Counts requests and bytes so tests and metrics can
 * see what a range cost. One use, one thread.
 */
final class RangedCiphertextChannel implements SeekableByteChannel {

  /** A forward jump this short is read past on the open GET rather than paid with a new one. */
  private static final int MAX_SKIP = 64 * 1024;

  /** Where the stored bytes come from: ranged GETs, or a copy held in memory. */
  @FunctionalInterface
  interface Source {
    /** Opens stored bytes {@code [from, from + length)}. */
    InputStream open(long from, long length);
  }

  private final Source source;
  private final long size;
  private final CiphertextLayout.Window window;
  private final int maxRequest;
  private final byte[] header;

  private InputStream body;
  private long bodyPosition;
  private long bodyEnd;
  private long position;
  private boolean open = true;
  private long bytesFetched;
  private int requests;

  /**
   * @param maxRequest most stored bytes one GET inside the window asks for, so that closing a range
   *     early abandons little of a response
   */
  RangedCiphertextChannel(
      Source source, long size, CiphertextLayout.Window window, int maxRequest, byte[] header) {
    this.source = source;
    this.size = size;
    this.window = window;
    this.maxRequest = maxRequest;
    this.header = header == null ? new byte[0] : header.clone();
  }

  /**
   * Hands over a GET the caller already issued (it read the object's metadata from its headers), so
   * the range costs no further request while it is read in order.
   *
   * @param from stored offset of the body's first byte
   * @param length bytes the body holds
   */
  void adopt(InputStream opened, long from, long length) {
    body = opened;
    bodyPosition = from;
    bodyEnd = from + length;
    requests++;
  }

  /** Fills {@code dst} completely unless the end is reached: Tink expects whole segments. */
  @Override
  public int read(ByteBuffer dst) throws IOException {
    ensureOpen();
    if (position >= size) {
      return -1;
    }
    int copied = 0;
    while (dst.hasRemaining() && position < size) {
      int n;
      if (position < header.length) {
        n = (int) Math.min(dst.remaining(), header.length - position);
        dst.put(header, (int) position, n);
      } else {
        seekBody(dst.remaining());
        n = readBody(dst);
      }
      position += n;
      copied += n;
    }
    return copied;
  }

  /** Makes the open body stand at {@code position}, reading past a short gap or opening a GET. */
  private void seekBody(int wanted) throws IOException {
    long gap = position - bodyPosition;
    if (body != null && gap > 0 && gap <= MAX_SKIP && position < bodyEnd) {
      body.skipNBytes(gap);
      bodyPosition += gap;
      bytesFetched += gap;
    }
    if (body == null || position != bodyPosition || bodyPosition >= bodyEnd) {
      request(position, wanted);
    }
  }

  private int readBody(ByteBuffer dst) throws IOException {
    int length = (int) Math.min(dst.remaining(), bodyEnd - bodyPosition);
    int n;
    if (dst.hasArray()) {
      n = body.read(dst.array(), dst.arrayOffset() + dst.position(), length);
      if (n > 0) {
        dst.position(dst.position() + n);
      }
    } else {
      byte[] chunk = new byte[Math.min(length, MAX_SKIP)];
      n = body.read(chunk, 0, chunk.length);
      if (n > 0) {
        dst.put(chunk, 0, n);
      }
    }
    if (n <= 0) {
      throw new IOException("sealed object ended early");
    }
    bodyPosition += n;
    bytesFetched += n;
    return n;
  }

  private void request(long from, int wanted) throws IOException {
    closeBody();
    boolean inWindow = window.contains(from);
    long limit = inWindow ? window.end() : size;
    long length = Math.min(inWindow ? Math.max(wanted, maxRequest) : wanted, limit - from);
    try {
      body = source.open(from, length);
    } catch (RuntimeException e) {
      throw new IOException("ranged read of sealed object failed", e);
    }
    bodyPosition = from;
    bodyEnd = from + length;
    requests++;
  }

  long bytesFetched() {
    return bytesFetched;
  }

  int requests() {
    return requests;
  }

  @Override
  public long position() throws IOException {
    ensureOpen();
    return position;
  }

  @Override
  public SeekableByteChannel position(long newPosition) throws IOException {
    ensureOpen();
    if (newPosition < 0) {
      throw new IllegalArgumentException("negative position");
    }
    position = newPosition;
    return this;
  }

  @Override
  public long size() throws IOException {
    ensureOpen();
    return size;
  }

  @Override
  public int write(ByteBuffer src) {
    throw new NonWritableChannelException();
  }

  @Override
  public SeekableByteChannel truncate(long newSize) {
    throw new NonWritableChannelException();
  }

  @Override
  public boolean isOpen() {
    return open;
  }

  @Override
  public void close() throws IOException {
    open = false;
    closeBody();
  }

  private void closeBody() throws IOException {
    InputStream previous = body;
    body = null;
    if (previous != null) {
      previous.close();
    }
  }

  private void ensureOpen() throws IOException {
    if (!open) {
      throw new ClosedChannelException();
    }
  }
}
