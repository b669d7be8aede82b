package io.kursfilm.web.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The UI's message bundles: a key defined twice silently keeps the last text (a player hint once
 * showed the editor's one-word label that way), and a key missing in one language shows the English
 * fallback to German users.
 */
class MessageBundlesTest {

  private static final String BASE = "io/kursfilm/web/i18n/messages";

  @ParameterizedTest
  @ValueSource(strings = {"", "_en", "_de"})
  void no_key_is_defined_twice(String language) throws IOException {
    List<String> twice = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String line : lines(language)) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#") || !trimmed.contains("=")) {
        continue;
      }
      String key = trimmed.substring(0, trimmed.indexOf('=')).strip();
      if (!seen.add(key)) {
        twice.add(key);
      }
    }
    assertEquals(List.of(), twice, "keys defined twice in messages" + language);
  }

  @ParameterizedTest
  @ValueSource(strings = {"_en", "_de"})
  void every_language_has_every_key(String language) throws IOException {
    Set<String> base = keys("");
    Set<String> translated = keys(language);
    Set<String> missing = new TreeSet<>(base);
    missing.removeAll(translated);
    Set<String> extra = new TreeSet<>(translated);
    extra.removeAll(base);
    assertEquals(Set.of(), missing, "missing in messages" + language);
    assertEquals(Set.of(), extra, "only in messages" + language);
  }

  private static Set<String> keys(String language) throws IOException {
    Properties properties = new Properties();
    try (InputStream in = resource(language)) {
      properties.load(in);
    }
    return properties.stringPropertyNames();
  }

  private static List<String> lines(String language) throws IOException {
    try (InputStream in = resource(language)) {
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1).lines().toList();
    }
  }

  private static InputStream resource(String language) {
    InputStream in =
        MessageBundlesTest.class
            .getClassLoader()
            .getResourceAsStream(BASE + language + ".properties");
    if (in == null) {
      throw new IllegalStateException(BASE + language + ".properties missing");
    }
    return in;
  }
}
