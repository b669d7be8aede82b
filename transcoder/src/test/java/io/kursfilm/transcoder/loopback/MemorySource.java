package io.kursfilm.transcoder.loopback;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A {@link RangeSource} over bytes in memory that records which ranges were opened and closed. */
final class MemorySource implements RangeSource {

  final byte[] bytes;
  final List<long[]> opened = new CopyOnWriteArrayList<>();
  final AtomicInteger closed = new AtomicInteger();

  MemorySource(byte[] bytes) {
    this.bytes = bytes;
  }

  static MemorySource of(Path file) throws IOException {
    return new MemorySource(Files.readAllBytes(file));
  }

  @Override
  public long size() {
    return bytes.length;
  }

  @Override
  public InputStream open(long offset, long length) {
    opened.add(new long[] {offset, length});
    return new ByteArrayInputStream(bytes, (int) offset, (int) length) {
      @Override
      public void close() throws IOException {
        closed.incrementAndGet();
        super.close();
      }
    };
  }

  /** Whether any range was opened that does not start at the beginning: the reader seeked. */
  boolean seeked() {
    return opened.stream().anyMatch(range -> range[0] > 0);
  }
}
