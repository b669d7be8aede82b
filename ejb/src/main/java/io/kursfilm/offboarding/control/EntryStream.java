package io.kursfilm.offboarding.control;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.CRC32;

/**
 * One archive entry as a stream: local header, the content as it is read (CRC-32, size and SHA-256
 * taken on the way, so the content is read once), then the data descriptor with what was counted.
 * {@link #entry} is known once the stream is exhausted.
 */
final class EntryStream extends InputStream {

  private final Zip64 zip;
  private final String name;
  private final long offset;
  private final InputStream content;
  private final CRC32 crc = new CRC32();
  private final MessageDigest sha;
  private byte[] pending;
  private int pendingAt;
  private int phase; // 0 header, 1 content and then its descriptor, 2 done
  private long size;
  private ArchiveState.Entry entry;

  EntryStream(Zip64 zip, String name, long offset, InputStream content) {
    this.zip = zip;
    this.name = name;
    this.offset = offset;
    this.content = content;
    try {
      this.sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    this.pending = zip.localHeader(name);
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    while (true) {
      if (pending != null) {
        if (pendingAt < pending.length) {
          int n = Math.min(len, pending.length - pendingAt);
          System.arraycopy(pending, pendingAt, b, off, n);
          pendingAt += n;
          return n;
        }
        pending = null;
        pendingAt = 0;
        phase++;
      }
      if (phase == 1) {
        int n = content.read(b, off, len);
        if (n > 0) {
          crc.update(b, off, n);
          sha.update(b, off, n);
          size += n;
          return n;
        }
        if (n < 0) {
          pending = zip.dataDescriptor(crc.getValue(), size);
          entry =
              new ArchiveState.Entry(
                  name, crc.getValue(), size, offset, HexFormat.of().formatHex(sha.digest()));
        }
      } else {
        return -1;
      }
    }
  }

  /** The entry as written; only once the stream has ended. */
  ArchiveState.Entry entry() {
    if (phase < 2) {
      throw new IllegalStateException("entry not finished");
    }
    return entry;
  }

  /** Archive bytes this entry took: header, content and descriptor. */
  long length() {
    return Zip64.entryLength(name, entry().size());
  }

  @Override
  public void close() throws IOException {
    content.close();
  }
}
