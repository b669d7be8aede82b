package io.kursfilm.storage.sealed;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;

/**
 * The plaintext of one range: reads at most {@code length} bytes from a positioned decrypting
 * channel and closes it together with the ciphertext channel below. One use, one thread.
 */
final class RangeInputStream extends InputStream {

  private static final int TRANSFER_BUFFER = 64 * 1024;

  private final SeekableByteChannel plaintext;
  private final RangedCiphertextChannel ciphertext;
  private long remaining;

  RangeInputStream(SeekableByteChannel plaintext, RangedCiphertextChannel ciphertext, long length) {
    this.plaintext = plaintext;
    this.ciphertext = ciphertext;
    this.remaining = length;
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
    ByteBuffer target = ByteBuffer.wrap(b, off, (int) Math.min(len, remaining));
    int n = plaintext.read(target);
    if (n <= 0) {
      throw new IOException("sealed object ended before the requested range");
    }
    remaining -= n;
    return n;
  }

  /**
   * Copies in blocks of 64 KiB rather than {@link InputStream#transferTo}'s 8 KiB: each write to a
   * response passes the servlet's output layers, so fewer, larger writes cost less.
   */
  @Override
  public long transferTo(OutputStream out) throws IOException {
    byte[] buffer = new byte[TRANSFER_BUFFER];
    long sent = 0;
    for (int n; (n = read(buffer, 0, buffer.length)) >= 0; ) {
      out.write(buffer, 0, n);
      sent += n;
    }
    return sent;
  }

  /** Stored bytes fetched so far for this range, header included. */
  long ciphertextBytesFetched() {
    return ciphertext.bytesFetched();
  }

  /** GET requests issued so far for this range. */
  int requests() {
    return ciphertext.requests();
  }

  @Override
  public void close() throws IOException {
    try {
      plaintext.close();
    } finally {
      ciphertext.close();
    }
  }
}
