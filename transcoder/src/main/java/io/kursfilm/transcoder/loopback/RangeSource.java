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
}
