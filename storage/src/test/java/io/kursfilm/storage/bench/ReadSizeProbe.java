package io.kursfilm.storage.bench;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the read calls the object store makes on an upload body and the bytes they return, to see
 * whether the uploader pulls in large or small chunks. One use, one thread.
 */
final class ReadSizeProbe extends FilterInputStream {

  private long calls;
  private long bytes;

  ReadSizeProbe(InputStream in) {
    super(in);
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = super.read(b, off, len);
    calls++;
    if (n > 0) {
      bytes += n;
    }
    return n;
  }

  /** Mean bytes returned per read call. */
  double meanRead() {
    return calls == 0 ? 0 : (double) bytes / calls;
  }
}
