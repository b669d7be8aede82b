package io.kursfilm.storage.sealed;

import com.google.crypto.tink.subtle.StreamSegmentDecrypter;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * The plaintext of a whole sealed object, decrypted on several threads: one thread reads whole
 * ciphertext segments off the source, a small pool decrypts them, and the reader of this stream
 * gets them back in order. Segments are authenticated one by one (each has its own tag, its number
 * and a last-segment flag in its nonce), so they are independent: decrypting them side by side
 * keeps the same guarantees as Tink's sequential stream, which on two cores made decryption the
 * bottleneck behind a fast store. A segment's plaintext is handed out only after its tag checked
 * out; a truncated, extended or tampered ciphertext fails at the segment concerned.
 *
 * <p>Memory is bounded by {@code depth} segments in flight, ciphertext and plaintext. Lifecycle as
 * {@link ReadAheadInputStream}: the threads end with the source, a failure or {@link #close}, which
 * waits for them; the source is closed only after its reader stopped. One reader thread.
 */
final class ParallelDecryptingInputStream extends InputStream {

  /**
   * Segments one task decrypts: 1 MiB in the default layout. Handing single segments between
   * threads cost more in wake-ups than a second core gained.
   */
  static final int BATCH = 4;

  private static final long JOIN_MILLIS = 30_000;
  private static final Batch NONE = new Batch(new byte[0][], new int[0], 0);

  /** Makes a decrypter initialised for this object (header and associated data): one per thread. */
  interface Decrypters {
    StreamSegmentDecrypter create(byte[] header) throws GeneralSecurityException;
  }

  private final InputStream source;
  private final CiphertextLayout layout;
  private final long ciphertextSize;
  private final Decrypters decrypters;
  private final BlockingQueue<Future<Batch>> batches;
  // Buffers go round instead of being allocated per segment: fresh arrays tripled the CPU a get
  // costs, in allocation and young collections.
  private final BlockingQueue<byte[][]> freeCiphertext;
  private final BlockingQueue<byte[][]> freePlaintext;
  private final ExecutorService pool;
  private final ThreadLocal<StreamSegmentDecrypter> decrypter = new ThreadLocal<>();
  private final Thread reader;
  private volatile boolean closed;
  private volatile byte[] header;
  private Batch current = NONE;
  private int index;
  private int position;
  private boolean ended;

  /**
   * @param ciphertextSize stored size of the object, which tells where the last segment ends
   * @param workers threads that decrypt
   * @param depth batches read ahead of the reader of this stream
   */
  ParallelDecryptingInputStream(
      InputStream source,
      CiphertextLayout layout,
      long ciphertextSize,
      Decrypters decrypters,
      int workers,
      int depth,
      ThreadFactory threads) {
    this.source = source;
    this.layout = layout;
    this.ciphertextSize = ciphertextSize;
    this.decrypters = decrypters;
    this.batches = new ArrayBlockingQueue<>(depth);
    this.freeCiphertext = new ArrayBlockingQueue<>(depth + workers + 1);
    this.freePlaintext = new ArrayBlockingQueue<>(depth + workers + 1);
    this.pool = Executors.newFixedThreadPool(workers, threads);
    this.reader = threads.newThread(this::readBatches);
    reader.setDaemon(true);
    reader.start();
  }

  private void readBatches() {
    try {
      header = new byte[CiphertextLayout.HEADER_SIZE];
      readFully(header, header.length);
      long remaining = ciphertextSize - CiphertextLayout.HEADER_SIZE;
      int number = 0;
      int length = layout.segmentSize() - CiphertextLayout.HEADER_SIZE;
      while (remaining > 0 && !closed) {
        byte[][] ciphertext = buffers(freeCiphertext);
        int[] lengths = new int[BATCH];
        int count = 0;
        while (count < BATCH && remaining > 0) {
          int n = (int) Math.min(length, remaining);
          readFully(ciphertext[count], n);
          lengths[count++] = n;
          remaining -= n;
          length = layout.segmentSize();
        }
        Batch batch = new Batch(ciphertext, lengths, count);
        int first = number;
        boolean last = remaining == 0;
        number += count;
        hand(pool.submit(() -> decrypt(batch, first, last)));
      }
      if (!closed && source.read() >= 0) {
        throw new IOException("sealed object is longer than its stored size");
      }
      hand(CompletableFuture.completedFuture(null));
    } catch (Throwable e) { // NOPMD: any failure must reach the reader, or it waits forever
      try {
        hand(CompletableFuture.failedFuture(e));
      } catch (InterruptedException ignored) {
        Thread.currentThread().interrupt();
      }
    } finally {
      pool.shutdown(); // lets the submitted batches finish, then the threads end
    }
  }

  private byte[][] buffers(BlockingQueue<byte[][]> free) {
    byte[][] recycled = free.poll();
    return recycled != null ? recycled : new byte[BATCH][layout.segmentSize()];
  }

  private void readFully(byte[] bytes, int length) throws IOException {
    // Not readNBytes(length): that assembles its result from 8 KiB reads, one more copy.
    if (source.readNBytes(bytes, 0, length) < length) {
      throw new EOFException("sealed object ended before its stored size");
    }
  }

  /**
   * @param first number of the batch's first segment in the object
   * @param last whether the batch's last segment is the object's
   */
  private Batch decrypt(Batch ciphertext, int first, boolean last) throws GeneralSecurityException {
    StreamSegmentDecrypter mine = decrypter.get();
    if (mine == null) {
      mine = decrypters.create(header);
      decrypter.set(mine);
    }
    byte[][] plaintext = buffers(freePlaintext);
    int[] lengths = new int[ciphertext.count()];
    try {
      for (int i = 0; i < ciphertext.count(); i++) {
        int n = ciphertext.lengths()[i];
        mine.decryptSegment(
            ByteBuffer.wrap(ciphertext.bytes()[i], 0, n),
            first + i,
            last && i == ciphertext.count() - 1,
            ByteBuffer.wrap(plaintext[i]));
        lengths[i] = n - CiphertextLayout.TAG_SIZE;
      }
    } finally {
      freeCiphertext.offer(ciphertext.bytes());
    }
    return new Batch(plaintext, lengths, ciphertext.count());
  }

  private void hand(Future<Batch> batch) throws InterruptedException {
    while (!closed) {
      if (batches.offer(batch, 100, TimeUnit.MILLISECONDS)) {
        return;
      }
    }
    batch.cancel(false);
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
    while (index == current.count() || position == current.lengths()[index]) {
      if (index < current.count()) {
        index++;
        position = 0;
        continue;
      }
      if (ended) {
        return -1;
      }
      next();
    }
    int n = Math.min(len, current.lengths()[index] - position);
    System.arraycopy(current.bytes()[index], position, b, off, n);
    position += n;
    return n;
  }

  private void next() throws IOException {
    if (closed) {
      throw new IOException("stream closed");
    }
    if (current != NONE) {
      freePlaintext.offer(current.bytes());
    }
    index = 0;
    position = 0;
    try {
      Batch plaintext = batches.take().get();
      current = plaintext == null ? NONE : plaintext;
      ended = plaintext == null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for a segment");
    } catch (ExecutionException e) {
      current = NONE;
      ended = true;
      Throwable cause = e.getCause();
      throw cause instanceof IOException io
          ? io
          : new IOException("sealed object failed to decrypt", cause);
    }
  }

  /** Stops both stages, waits for them, then closes the source (see ReadAheadInputStream). */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    batches.clear();
    try {
      reader.join(JOIN_MILLIS);
      pool.shutdown();
      pool.awaitTermination(JOIN_MILLIS, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      source.close();
    }
  }

  /** Up to {@link #BATCH} segments: the first {@code lengths[i]} bytes of {@code bytes[i]}. */
  private record Batch(byte[][] bytes, int[] lengths, int count) {}
}
