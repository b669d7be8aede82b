package io.kursfilm.storage.sealed;

import io.kursfilm.storage.objects.ObjectStore;
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
 * GET fetches exactly the window's segments (up to the read-ahead limit, so memory stays bounded
 * for long ranges); outside it, it fetches only the bytes asked for. Counts requests and bytes so
 * tests and metrics can see what a range cost. One use, one thread.
 */
final class RangedCiphertextChannel implements SeekableByteChannel {

  private final ObjectStore store;
  private final String tenantId;
  private final String key;
  private final long size;
  private final CiphertextLayout.Window window;
  private final int readAhead;
  private final byte[] header;

  private byte[] buffer = new byte[0];
  private long bufferStart;
  private int bufferLength;
  private long position;
  private boolean open = true;
  private long bytesFetched;
  private int requests;

  RangedCiphertextChannel(
      ObjectStore store,
      String tenantId,
      String key,
      long size,
      CiphertextLayout.Window window,
      int readAhead,
      byte[] header) {
    this.store = store;
    this.tenantId = tenantId;
    this.key = key;
    this.size = size;
    this.window = window;
    this.readAhead = readAhead;
    this.header = header == null ? new byte[0] : header.clone();
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
      if (position < header.length) {
        int n = (int) Math.min(dst.remaining(), header.length - position);
        dst.put(header, (int) position, n);
        position += n;
        copied += n;
        continue;
      }
      if (position < bufferStart || position >= bufferStart + bufferLength) {
        fetch(position, dst.remaining());
      }
      int offset = (int) (position - bufferStart);
      int n = Math.min(dst.remaining(), bufferLength - offset);
      dst.put(buffer, offset, n);
      position += n;
      copied += n;
    }
    return copied;
  }

  private void fetch(long from, int wanted) throws IOException {
    long want = window.contains(from) ? Math.max(wanted, readAhead) : wanted;
    long limit = window.contains(from) ? window.end() : size;
    int length = (int) Math.min(want, limit - from);
    if (length <= 0) {
      length = (int) Math.min(wanted, size - from);
    }
    if (buffer.length < length) {
      buffer = new byte[length];
    }
    int got;
    try (InputStream in = store.get(tenantId, key, from, length)) {
      got = in.readNBytes(buffer, 0, length);
    } catch (RuntimeException e) {
      throw new IOException("ranged read of sealed object failed", e);
    }
    if (got <= 0) {
      throw new IOException("sealed object ended early");
    }
    bufferStart = from;
    bufferLength = got;
    bytesFetched += got;
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
  public void close() {
    open = false;
    buffer = new byte[0];
  }

  private void ensureOpen() throws IOException {
    if (!open) {
      throw new ClosedChannelException();
    }
  }
}
