package io.kursfilm.web.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** Checks of an offboarding export archive as the company receives it. */
public final class ExportArchives {

  private ExportArchives() {}

  /**
   * Asserts that the manifest lists every other entry of the archive, each with its exact size and
   * SHA-256, and nothing that is missing; returns the listed paths.
   */
  public static Set<String> verifyManifest(ZipFile zip) throws Exception {
    JsonArray manifest = json(zip, "manifest.json").asJsonObject().getJsonArray("files");
    Set<String> listed = new HashSet<>();
    for (JsonValue v : manifest) {
      JsonObject f = v.asJsonObject();
      byte[] content = bytes(zip, f.getString("path"));
      assertEquals(f.getJsonNumber("size").longValue(), content.length, f.getString("path"));
      assertEquals(
          f.getString("sha256"),
          HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)),
          f.getString("path"));
      listed.add(f.getString("path"));
    }
    Set<String> entries = new TreeSet<>();
    for (ZipEntry e : Collections.list(zip.entries())) {
      entries.add(e.getName());
    }
    entries.remove("manifest.json");
    assertEquals(entries, new TreeSet<>(listed), "the manifest lists exactly the other entries");
    return listed;
  }

  public static JsonValue json(ZipFile zip, String name) throws Exception {
    return Json.createReader(new StringReader(new String(bytes(zip, name), StandardCharsets.UTF_8)))
        .readValue();
  }

  public static byte[] bytes(ZipFile zip, String name) throws Exception {
    ZipEntry entry = zip.getEntry(name);
    assertNotNull(entry, name);
    try (InputStream in = zip.getInputStream(entry)) {
      return in.readAllBytes();
    }
  }
}
