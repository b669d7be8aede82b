package io.kursfilm.storage.sealed;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * Reads a source on a thread of its own into a bounded queue of chunks, so the reader's work
 * (decrypting, hashing, uploading) overlaps with the source's (network reads, encrypting). Memory
 * is bounded by {@code depth} chunks. A failure of the source reaches the reader on its next read.
 *
 * <p>Lifecycle: the thread starts in the constructor and ends at the source's end, on a failure, or
 * when {@link #close} is called; {@code close} waits for it, so no thread outlives the stream. The
 * thread is never interrupted (an interrupt would close a caller's interruptible channel); it
 * checks a flag between chunks instead. One reader thread.
 */
final class ReadAheadInputStream extends InputStream {

  /** Below G1's humongous-object threshold at small heaps, so chunks are cheap to allocate. */
  static final int CHUNK = 256 * 1024;

  private static final long JOIN_MILLIS = 30_000;
  private static final Chunk END = new Chunk(new byte[0], 0, null);

  private final InputStream source;
  private final boolean closeSource;
  private final BlockingQueue<Chunk> queue;
  private final Thread producer;
  private volatile boolean closed;
  private Chunk current = new Chunk(new byte[0], 0, null);
  private int position;

  /**
   * @param closeSource whether {@link #close} closes the source (a network body: yes; a caller's
   *     stream we promised not to close: no)
   */
  ReadAheadInputStream(InputStream source, int depth, boolean closeSource, ThreadFactory threads) {
    this.source = source;
    this.closeSource = closeSource;
    this.queue = new ArrayBlockingQueue<>(depth);
    this.producer = threads.newThread(this::produce);
    producer.setDaemon(true);
    producer.start();
  }

  private void produce() {
    try {
      while (!closed) {
        byte[] bytes = new byte[CHUNK];
        int n = source.readNBytes(bytes, 0, CHUNK);
        if (n > 0) {
          hand(new Chunk(bytes, n, null));
        }
        if (n < CHUNK) { // readNBytes returns short only at the end
          hand(END);
          return;
        }
      }
    } catch (Throwable e) { // NOPMD: any failure must reach the reader, or it waits forever
      try {
        hand(new Chunk(null, 0, e));
      } catch (InterruptedException ignored) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void hand(Chunk chunk) throws InterruptedException {
    while (!closed) {
      if (queue.offer(chunk, 100, TimeUnit.MILLISECONDS)) {
        return;
      }
    }
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
    while (position == current.length) {
      if (current == END) {
        return -1;
      }
      next();
    }
    int n = Math.min(len, current.length - position);
    System.arraycopy(current.bytes, position, b, off, n);
    position += n;
    return n;
  }

  private void next() throws IOException {
    if (closed) {
      throw new IOException("stream closed");
    }
    try {
      current = queue.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for the source");
    }
    position = 0;
    if (current.failure != null) {
      Throwable failure = current.failure;
      current = END;
      throw failure instanceof IOException io ? io : new IOException("source failed", failure);
    }
  }

  /**
   * Stops the thread, waits for its current read to end, then closes the source if asked to.
   * Closing the source while the thread still reads from it breaks okhttp's timeout bookkeeping
   * ("Unbalanced enter/exit"), so the source is only closed from here once the thread is done, or
   * after a generous wait for a stalled network read.
   */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    queue.clear();
    try {
      producer.join(JOIN_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      if (closeSource) {
        source.close();
      }
    }
  }

  private record Chunk(byte[] bytes, int length, Throwable failure) {}
}
