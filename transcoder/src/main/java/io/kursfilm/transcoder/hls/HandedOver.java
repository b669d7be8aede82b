package io.kursfilm.transcoder.hls;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Passes finished files to the caller's {@link OutputSink}, deletes them from the scratch directory
 * and remembers what went out and how large it was: once the segments are gone from disk, this
 * record is what {@link HlsOutput} checks the playlists against. Thread-safe.
 */
final class HandedOver {

  private final OutputSink sink;
  private final SortedMap<String, Long> sizes = new TreeMap<>();

  HandedOver(OutputSink sink) {
    this.sink = sink;
  }

  /** Hands {@code file} to the sink as {@code name}, then deletes it. */
  void handOver(String name, Path file) throws IOException {
    long size = Files.size(file);
    sink.accept(name, file);
    Files.deleteIfExists(file);
    synchronized (sizes) {
      sizes.put(name, size);
    }
  }

  /** Relative name to size in bytes of everything handed over so far, sorted by name. */
  SortedMap<String, Long> sizes() {
    synchronized (sizes) {
      return Collections.unmodifiableSortedMap(new TreeMap<>(sizes));
    }
  }
}
