package io.kursfilm.transcoder.loopback;

import java.io.IOException;
import java.io.InputStream;

/**
 * Bytes the loopback server hands out by range, typically an upload decrypted on the fly. Called
 * from several server threads at once: {@link #open} must be safe to call concurrently.
 */
public interface RangeSource {

  /** Total bytes; asked once, when the source is published. */
  long size();

  /**
   * Opens bytes {@code [offset, offset + length)}; {@code offset + length} never exceeds {@link
   * #size()}. The server closes the stream, also when the client goes away midway.
   */
  InputStream open(long offset, long length) throws IOException;

  /** A source of {@code size} bytes whose ranges {@code opener} opens, e.g. a method reference. */
  static RangeSource of(long size, Opener opener) {
    if (size < 0) {
      throw new IllegalArgumentException("size must not be negative");
    }
    return new RangeSource() {
      @Override
      public long size() {
        return size;
      }

      @Override
      public InputStream open(long offset, long length) throws IOException {
        return opener.open(offset, length);
      }
    };
  }

  /** Opens a byte range; the shape of {@link RangeSource#open}, for lambdas. */
  @FunctionalInterface
  interface Opener {
    InputStream open(long offset, long length) throws IOException;
  }
}
