package io.kursfilm.storage.sealed;

import java.io.IOException;
import java.io.InputStream;

/**
 * The plaintext range {@code [offset, end)} of a chunked upload: opens the range of one chunk at a
 * time, only when the reader gets there, and checks that every chunk yields exactly the bytes its
 * position promises (a chunk shorter than the chunk size in the middle fails instead of shifting
 * the rest). One use, one thread.
 */
final class ChunkRangeInputStream extends InputStream {

  /** Opens {@code length} plaintext bytes of chunk {@code index} from {@code offset} on. */
  interface ChunkOpener {
    InputStream open(int index, long offset, long length);
  }

  private final ChunkOpener opener;
  private final long chunkSize;
  private final long end;
  private long position;
  private InputStream current;
  private long currentRemaining;

  ChunkRangeInputStream(ChunkOpener opener, long chunkSize, long offset, long end) {
    this.opener = opener;
    this.chunkSize = chunkSize;
    this.position = offset;
    this.end = end;
    if (position < end) {
      openCurrent(); // the first chunk opens now, so a missing or foreign upload fails early
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
    if (position >= end) {
      return -1;
    }
    if (current == null) {
      try {
        openCurrent();
      } catch (SealedObjectException e) {
        throw new IOException("cannot open chunk " + position / chunkSize, e);
      }
    }
    int n = current.read(b, off, (int) Math.min(len, currentRemaining));
    if (n < 0) {
      throw new IOException("chunk " + position / chunkSize + " is shorter than expected");
    }
    position += n;
    currentRemaining -= n;
    if (currentRemaining == 0) {
      closeCurrent();
    }
    return n;
  }

  private void openCurrent() {
    long index = position / chunkSize;
    long chunkEnd = Math.min(end, (index + 1) * chunkSize);
    currentRemaining = chunkEnd - position;
    current = opener.open((int) index, position - index * chunkSize, currentRemaining);
  }

  private void closeCurrent() throws IOException {
    InputStream closing = current;
    current = null;
    closing.close();
  }

  @Override
  public void close() throws IOException {
    if (current != null) {
      closeCurrent();
    }
    position = end;
  }
}
