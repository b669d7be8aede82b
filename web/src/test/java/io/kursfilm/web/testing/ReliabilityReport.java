package io.kursfilm.web.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Sections of {@code RELIABILITY.md}, the report the test run writes: each proof (authorisation
 * matrix, hostile inputs, fault drills, load) writes one Markdown section with its own numbers, and
 * the build joins them in file-name order after the integration tests (web/pom.xml). A section is
 * written only by a test that ran to the end, so a missing section means a missing proof, never a
 * stale one.
 */
public final class ReliabilityReport {

  private ReliabilityReport() {}

  /**
   * Writes section {@code file} (e.g. {@code 10-authorisation.md}; the number orders the report)
   * with a level-2 heading {@code title}, the time it was measured and {@code body}.
   */
  public static void section(String file, String title, String body) {
    Path dir = Path.of(System.getProperty("kursfilm.it.reliability.dir", "target/reliability"));
    String measured =
        ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
    String text =
        "## " + title + "\n\n_Measured " + measured + " UTC._\n\n" + body.strip() + "\n\n";
    try {
      Files.createDirectories(dir);
      Files.writeString(dir.resolve(file), text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A Markdown table row of {@code cells}. */
  public static String row(Object... cells) {
    StringBuilder row = new StringBuilder("|");
    for (Object cell : cells) {
      row.append(' ').append(String.valueOf(cell).replace("|", "\\|")).append(" |");
    }
    return row.append('\n').toString();
  }
}
