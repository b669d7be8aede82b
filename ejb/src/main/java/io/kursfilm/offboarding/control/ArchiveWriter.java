package io.kursfilm.offboarding.control;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;

/**
 * Writes (or goes on writing) an export archive as a sequence of parts: the items not yet in the
 * archive, then {@value #MANIFEST} (path, size and SHA-256 of every entry), then the central
 * directory as the last part. After each stored part the state is checkpointed; a writer started
 * again with the last checkpoint overwrites any part stored after it, so the archive has neither a
 * gap nor a duplicate entry, whatever point the previous run died at.
 */
public final class ArchiveWriter {

  public static final String MANIFEST = "manifest.json";

  /** Where parts go: the sealed part objects of the export. */
  public interface Parts {
    /** Stores part {@code index} (replacing one left by a run that died), reading it to its end. */
    void store(int index, InputStream bytes);
  }

  /** Where the state goes after each part; may throw to stop the run (cancelled, node dying). */
  public interface Checkpoints {
    void save(ArchiveState state);
  }

  private final Zip64 zip;
  private final long partTarget;

  /**
   * @param partTarget bytes after which a part is closed at the next entry boundary
   */
  public ArchiveWriter(Zip64 zip, long partTarget) {
    this.zip = zip;
    this.partTarget = partTarget;
  }

  /**
   * Writes what {@code state} does not hold yet of {@code items} (in their order, which must be the
   * same on every run), the manifest and the central directory.
   */
  public ArchiveState write(
      ArchiveState state, List<ExportItem> items, Parts parts, Checkpoints checkpoints) {
    if (state.finished()) {
      return state;
    }
    Iterator<ExportItem> remaining =
        items.stream().filter(i -> !state.written(i.path())).iterator();
    while (remaining.hasNext()) {
      part(state, remaining, parts, checkpoints);
    }
    if (!state.written(MANIFEST)) {
      ExportItem manifest = ExportItem.of(MANIFEST, manifest(state.entries()));
      part(state, List.of(manifest).iterator(), parts, checkpoints);
    }
    byte[] directory = zip.centralDirectory(state.entries(), state.offset());
    parts.store(state.parts().size(), new ByteArrayInputStream(directory));
    state.finish(directory.length);
    checkpoints.save(state);
    return state;
  }

  private void part(
      ArchiveState state, Iterator<ExportItem> items, Parts parts, Checkpoints checkpoints) {
    PartStream part = new PartStream(zip, items, state.offset(), partTarget);
    try (part) {
      parts.store(state.parts().size(), part);
    }
    state.closePart(part.entries(), part.length());
    checkpoints.save(state);
  }

  /** {@code {"files":[{"path","size","sha256"},…]}} of every entry written before it. */
  static byte[] manifest(List<ArchiveState.Entry> entries) {
    StringBuilder json = new StringBuilder("{\"files\":[");
    for (int i = 0; i < entries.size(); i++) {
      ArchiveState.Entry e = entries.get(i);
      json.append(i == 0 ? "\n" : ",\n")
          .append("{\"path\":\"")
          .append(escape(e.name()))
          .append("\",\"size\":")
          .append(e.size())
          .append(",\"sha256\":\"")
          .append(e.sha256())
          .append("\"}");
    }
    json.append("\n]}\n");
    return json.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String escape(String s) {
    StringBuilder out = new StringBuilder();
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
