package io.kursfilm.offboarding.control;

import java.io.IOException;
import java.io.InputStream;

/**
 * One file of a tenant's export: its path in the archive (ids only, so the checkpoint holds no
 * content), its expected size (for the progress; the archive records what was actually read) and
 * how to open it, decrypting on the fly where the bytes are sealed.
 */
public record ExportItem(String path, long size, Source source) {

  /** Opens the item's bytes; called once, when the item's turn comes. */
  @FunctionalInterface
  public interface Source {
    InputStream open() throws IOException;
  }

  public static ExportItem of(String path, byte[] bytes) {
    return new ExportItem(path, bytes.length, () -> new java.io.ByteArrayInputStream(bytes));
  }
}
