package io.kursfilm.offboarding.control;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What an export archive holds so far, in the form its checkpoint keeps: the entries written (name,
 * CRC-32, size, offset of the local header, SHA-256 for the manifest) and the sizes of the parts
 * closed. Everything here is durable: the job checkpoints it after each closed part and a resumed
 * job continues at {@link #offset()} with part number {@link #parts()}{@code .size()}. Entry names
 * hold ids only, never titles, so the checkpoint holds no tenant content.
 */
public final class ArchiveState {

  /** One entry of the archive. */
  public record Entry(String name, long crc, long size, long offset, String sha256) {
    public Entry {
      if (name.isEmpty() || name.indexOf('\t') >= 0 || name.indexOf('\n') >= 0) {
        throw new IllegalArgumentException("bad entry name");
      }
    }
  }

  private final List<Entry> entries = new ArrayList<>();
  private final List<Long> parts = new ArrayList<>();
  private final Set<String> names = new HashSet<>();
  private long offset;
  private boolean finished;

  /** Whether the last part, the central directory, is stored: the archive is complete. */
  public boolean finished() {
    return finished;
  }

  /** The central directory of {@code size} bytes was stored as the last part. */
  public void finish(long size) {
    if (finished) {
      throw new IllegalStateException("archive already finished");
    }
    parts.add(size);
    offset += size;
    finished = true;
  }

  public List<Entry> entries() {
    return Collections.unmodifiableList(entries);
  }

  public List<Long> parts() {
    return Collections.unmodifiableList(parts);
  }

  /** Bytes of the archive in closed parts: where the next part starts. */
  public long offset() {
    return offset;
  }

  public boolean written(String name) {
    return names.contains(name);
  }

  /** A part was sealed and stored: its entries and its size become part of the archive. */
  public void closePart(List<Entry> written, long size) {
    if (finished) {
      throw new IllegalStateException("archive already finished");
    }
    for (Entry e : written) {
      if (!names.add(e.name())) {
        throw new IllegalStateException("duplicate entry " + e.name());
      }
      entries.add(e);
    }
    parts.add(size);
    offset += size;
  }

  /**
   * Text form for the checkpoint column: a header line {@code offset}, a line of part sizes, then
   * one tab-separated line per entry.
   */
  public String serialise() {
    StringBuilder out = new StringBuilder();
    out.append("v1\t").append(offset).append('\t').append(finished).append('\n');
    for (int i = 0; i < parts.size(); i++) {
      out.append(i == 0 ? "" : ",").append(parts.get(i));
    }
    out.append('\n');
    for (Entry e : entries) {
      out.append(e.name())
          .append('\t')
          .append(e.crc())
          .append('\t')
          .append(e.size())
          .append('\t')
          .append(e.offset())
          .append('\t')
          .append(e.sha256())
          .append('\n');
    }
    return out.toString();
  }

  /** The state of an empty or a serialised checkpoint; {@code null} or blank is a new archive. */
  public static ArchiveState parse(String text) {
    ArchiveState state = new ArchiveState();
    if (text == null || text.isBlank()) {
      return state;
    }
    String[] lines = text.split("\n", -1);
    String[] head = lines[0].split("\t");
    if (!head[0].equals("v1")) {
      throw new IllegalArgumentException("unknown checkpoint format");
    }
    if (!lines[1].isEmpty()) {
      for (String size : lines[1].split(",")) {
        state.parts.add(Long.parseLong(size));
      }
    }
    for (int i = 2; i < lines.length; i++) {
      if (lines[i].isEmpty()) {
        continue;
      }
      String[] f = lines[i].split("\t");
      Entry e =
          new Entry(f[0], Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]), f[4]);
      state.entries.add(e);
      state.names.add(e.name());
    }
    state.offset = Long.parseLong(head[1]);
    state.finished = Boolean.parseBoolean(head[2]);
    long sum = state.parts.stream().mapToLong(Long::longValue).sum();
    if (sum != state.offset) {
      throw new IllegalArgumentException("checkpoint parts do not add up");
    }
    return state;
  }

  /** Only the part sizes: what a finished export keeps for its download. */
  public ArchiveState partsOnly() {
    ArchiveState copy = new ArchiveState();
    copy.parts.addAll(parts);
    copy.offset = offset;
    copy.finished = finished;
    return copy;
  }
}
