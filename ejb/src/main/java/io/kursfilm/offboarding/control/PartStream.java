package io.kursfilm.offboarding.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The bytes of one part of the archive: whole entries, one after another, until the part holds at
 * least {@code target} bytes or the items run out. A part never splits an entry, so a part closed
 * is a checkpoint at an entry boundary; a part open when the process dies is discarded as a whole.
 * A single entry larger than the target makes a part of its own size.
 */
final class PartStream extends InputStream {

  private final Zip64 zip;
  private final Iterator<ExportItem> items;
  private final long start;
  private final long target;
  private final List<ArchiveState.Entry> written = new ArrayList<>();
  private EntryStream current;
  private long length;
  private boolean ended;

  /**
   * @param items the items still to write; consumed as far as this part reaches
   * @param start offset of this part in the archive
   */
  PartStream(Zip64 zip, Iterator<ExportItem> items, long start, long target) {
    this.zip = zip;
    this.items = items;
    this.start = start;
    this.target = target;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    while (!ended) {
      if (current == null && !next()) {
        ended = true;
        break;
      }
      int n = current.read(b, off, len);
      if (n >= 0) {
        return n;
      }
      current.close();
      written.add(current.entry());
      length += current.length();
      current = null;
    }
    return -1;
  }

  private boolean next() throws IOException {
    if (length >= target || !items.hasNext()) {
      return false;
    }
    ExportItem item = items.next();
    current = new EntryStream(zip, item.path(), start + length, item.source().open());
    return true;
  }

  /** The entries of this part; complete once the stream has ended. */
  List<ArchiveState.Entry> entries() {
    return written;
  }

  /** Bytes of this part. */
  long length() {
    return length;
  }

  @Override
  public void close() {
    if (current != null) {
      try {
        current.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
