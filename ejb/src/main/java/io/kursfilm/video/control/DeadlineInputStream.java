package io.kursfilm.video.control;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;

/**
 * A request body that fails once its deadline has passed. A chunk write that outlives the time an
 * upload's completion waits for it then breaks off before its chunk is stored, instead of replacing
 * a piece of an original that was closed meanwhile.
 */
public class DeadlineInputStream extends FilterInputStream {

  private final Clock clock;
  private final Instant deadline;
  private volatile boolean expired;

  public DeadlineInputStream(InputStream in, Clock clock, Instant deadline) {
    super(in);
    this.clock = clock;
    this.deadline = deadline;
  }

  @Override
  public int read() throws IOException {
    check();
    int b = super.read();
    check();
    return b;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    check();
    int n = super.read(b, off, len);
    // Also after the read: the last bytes of a late write must not count either.
    check();
    return n;
  }

  /** Whether reading failed because the deadline had passed. */
  public boolean expired() {
    return expired;
  }

  private void check() throws IOException {
    if (clock.instant().isAfter(deadline)) {
      expired = true;
      throw new IOException("the upload of this chunk took too long");
    }
  }
}
