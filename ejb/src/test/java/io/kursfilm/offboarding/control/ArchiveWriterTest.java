package io.kursfilm.offboarding.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveWriterTest {

  @TempDir Path dir;

  private final Zip64 zip = new Zip64(Instant.parse("2026-12-06T19:30:00Z"));

  /** Parts kept in memory, by index; a later store of the same index replaces the earlier one. */
  private final Map<Integer, byte[]> stored = new TreeMap<>();

  private static Map<String, byte[]> files(int count, long seed) {
    Random random = new Random(seed);
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (int i = 0; i < count; i++) {
      byte[] bytes = new byte[random.nextInt(i % 3 == 0 ? 300_000 : 2_000)];
      random.nextBytes(bytes);
      files.put("videos/v" + i + "/file-" + i + ".bin", bytes);
    }
    files.put("empty.txt", new byte[0]);
    files.put("übersicht/ä.json", "{}".getBytes(StandardCharsets.UTF_8));
    return files;
  }

  private static List<ExportItem> items(Map<String, byte[]> files) {
    List<ExportItem> items = new ArrayList<>();
    files.forEach((name, bytes) -> items.add(ExportItem.of(name, bytes)));
    return items;
  }

  private void store(int index, InputStream bytes) {
    try {
      stored.put(index, bytes.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Path assemble(ArchiveState state) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    assertEquals(state.parts().size(), stored.size(), "no part beyond the archive's");
    for (int i = 0; i < state.parts().size(); i++) {
      assertEquals(state.parts().get(i), stored.get(i).length, "part " + i);
      all.writeBytes(stored.get(i));
    }
    assertEquals(state.offset(), all.size());
    Path file = dir.resolve("export-" + System.nanoTime() + ".zip");
    Files.write(file, all.toByteArray());
    return file;
  }

  private static void assertArchiveHolds(Path file, Map<String, byte[]> files) throws Exception {
    try (ZipFile archive = new ZipFile(file.toFile())) {
      List<String> names = new ArrayList<>();
      Collections.list(archive.entries()).forEach(e -> names.add(e.getName()));
      assertEquals(files.size() + 1, names.size(), "every file once, and the manifest");
      assertEquals(names.size(), names.stream().distinct().count(), "no duplicate entry");
      for (Map.Entry<String, byte[]> f : files.entrySet()) {
        ZipEntry entry = archive.getEntry(f.getKey());
        assertEquals(ZipEntry.STORED, entry.getMethod());
        assertEquals(f.getValue().length, entry.getSize());
        CRC32 crc = new CRC32();
        crc.update(f.getValue());
        assertEquals(crc.getValue(), entry.getCrc());
        try (InputStream in = archive.getInputStream(entry)) {
          assertArrayEquals(f.getValue(), in.readAllBytes(), f.getKey());
        }
      }
      String manifest;
      try (InputStream in = archive.getInputStream(archive.getEntry(ArchiveWriter.MANIFEST))) {
        manifest = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      Matcher m =
          Pattern.compile("\\{\"path\":\"([^\"]+)\",\"size\":(\\d+),\"sha256\":\"([0-9a-f]{64})\"}")
              .matcher(manifest);
      int listed = 0;
      while (m.find()) {
        listed++;
        try (InputStream in = archive.getInputStream(archive.getEntry(m.group(1)))) {
          byte[] bytes = in.readAllBytes();
          assertEquals(Long.parseLong(m.group(2)), bytes.length);
          String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
          assertEquals(m.group(3), sha, m.group(1));
        }
      }
      assertEquals(files.size(), listed, "the manifest lists every file");
    }
  }

  @Test
  void an_archive_in_several_parts_opens_with_java_util_zip_and_its_manifest_verifies()
      throws Exception {
    Map<String, byte[]> files = files(25, 1);
    List<ArchiveState> checkpoints = new ArrayList<>();
    ArchiveState state =
        new ArchiveWriter(zip, 500_000)
            .write(new ArchiveState(), items(files), this::store, s -> checkpoints.add(s));
    assertTrue(state.finished());
    assertTrue(state.parts().size() > 3, "several parts: " + state.parts());
    assertEquals(state.parts().size(), checkpoints.size(), "a checkpoint after every part");
    assertArchiveHolds(assemble(state), files);
  }

  @Test
  void a_run_that_dies_mid_part_resumes_from_the_checkpoint_without_gap_or_duplicate()
      throws Exception {
    Map<String, byte[]> files = files(40, 2);
    String[] checkpoint = {null};
    int[] parts = {0};
    ArchiveWriter writer = new ArchiveWriter(zip, 400_000);
    RuntimeException died =
        assertThrows(
            RuntimeException.class,
            () ->
                writer.write(
                    new ArchiveState(),
                    items(files),
                    (index, bytes) -> {
                      if (++parts[0] == 4) {
                        // half a part reaches the store, then the process is gone
                        try {
                          stored.put(index, bytes.readNBytes(1000));
                        } catch (IOException e) {
                          throw new UncheckedIOException(e);
                        }
                        throw new IllegalStateException("node died");
                      }
                      store(index, bytes);
                    },
                    s -> checkpoint[0] = s.serialise()));
    assertEquals("node died", died.getMessage());
    ArchiveState resumed = ArchiveState.parse(checkpoint[0]);
    assertEquals(3, resumed.parts().size());
    assertTrue(stored.containsKey(3), "the torn part is there until the resumed run replaces it");

    ArchiveState done =
        writer.write(resumed, items(files), this::store, s -> checkpoint[0] = s.serialise());
    assertTrue(ArchiveState.parse(checkpoint[0]).finished());
    assertArchiveHolds(assemble(done), files);
  }

  @Test
  void a_finished_archive_is_left_alone_and_the_state_survives_its_text_form() {
    Map<String, byte[]> files = files(5, 3);
    ArchiveState state =
        new ArchiveWriter(zip, 1 << 20)
            .write(new ArchiveState(), items(files), this::store, s -> {});
    ArchiveState parsed = ArchiveState.parse(state.serialise());
    assertEquals(state.entries(), parsed.entries());
    assertEquals(state.parts(), parsed.parts());
    assertTrue(parsed.finished());
    int before = stored.size();
    new ArchiveWriter(zip, 1 << 20)
        .write(parsed, items(files), (i, b) -> stored.put(100 + i, new byte[0]), s -> {});
    assertEquals(before, stored.size(), "nothing written again");
    ArchiveState slim = ArchiveState.parse(state.partsOnly().serialise());
    assertEquals(state.parts(), slim.parts());
    assertTrue(slim.entries().isEmpty());
  }

  @Test
  void a_tampered_checkpoint_is_refused() {
    assertThrows(IllegalArgumentException.class, () -> ArchiveState.parse("v1\t10\tfalse\n4,5\n"));
    assertThrows(IllegalArgumentException.class, () -> ArchiveState.parse("v9\t0\tfalse\n\n"));
  }
}
