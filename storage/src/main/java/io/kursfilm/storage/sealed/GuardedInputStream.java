package io.kursfilm.storage.sealed;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the bytes of a caller's stream and fails the read that goes beyond {@code maxLength}, or
 * the end of stream before {@code minLength}. The failure surfaces inside a seal, which then
 * discards its object; afterwards {@link #violation()} tells the caller which limit was hit. Does
 * not close the stream it wraps.
 */
final class GuardedInputStream extends FilterInputStream {

  enum Violation {
    NONE,
    TOO_SHORT,
    TOO_LONG
  }

  private final long minLength;
  private final long maxLength;
  private long count;

  // Written by the seal's read-ahead thread, read by the caller after the seal returned or failed.
  private volatile Violation violation = Violation.NONE;

  GuardedInputStream(InputStream in, long minLength, long maxLength) {
    super(in);
    this.minLength = minLength;
    this.maxLength = maxLength;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (violation != Violation.NONE) {
      throw new IOException("stream broke its length limit");
    }
    int n = in.read(b, off, len);
    if (n < 0) {
      if (count < minLength) {
        violation = Violation.TOO_SHORT;
        throw new IOException("stream ended after " + count + " of " + minLength + " bytes");
      }
      return n;
    }
    count += n;
    if (count > maxLength) {
      violation = Violation.TOO_LONG;
      throw new IOException("stream longer than " + maxLength + " bytes");
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    throw new IOException("skip is not supported");
  }

  @Override
  public void close() {
    // the caller's stream: the caller closes it
  }

  /** Bytes read so far. */
  long count() {
    return count;
  }

  Violation violation() {
    return violation;
  }
}
