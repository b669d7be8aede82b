package io.kursfilm.tenant.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kursfilm.storage.keys.LocalKeyStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SlugIndexTest {

  @TempDir Path dir;

  private LocalKeyStore store() {
    return new LocalKeyStore(dir, true, Duration.ofMinutes(5), Clock.systemUTC());
  }

  /** Wired as CDI would. */
  private SlugIndex index() {
    SlugIndex index = new SlugIndex();
    index.keysets = store().platformKeysets();
    return index;
  }

  @Test
  void a_key_store_in_use_without_the_directory_key_gets_one_wrapped_by_the_master() {
    store().create("tenant-1"); // an installation from before the directory key
    Path keyset = dir.resolve("platform/" + SlugIndex.NAME + ".json");
    assertFalse(Files.exists(keyset));

    String demo = index().of("demo");

    assertTrue(Files.exists(keyset), "created when missing");
    assertTrue(demo.matches("[0-9a-f]{64}"), demo);
    assertFalse(readable(keyset).contains("demo"));
    assertEquals(demo, index().of("demo"), "the next start reads the same key");
    assertEquals(demo, SlugIndex.of(store().platformKeysets(), "demo"), "tools compute it alike");
  }

  @Test
  void slugs_are_normalised_before_indexing_and_different_slugs_differ() {
    SlugIndex index = index();
    assertEquals(index.of("acme"), index.of(" ACME "));
    assertNotEquals(index.of("acme"), index.of("acme2"));
  }

  @Test
  void a_tool_never_creates_the_directory_key() {
    assertThrows(IllegalStateException.class, () -> SlugIndex.of(store().platformKeysets(), "x"));
    assertFalse(Files.exists(dir.resolve("platform/" + SlugIndex.NAME + ".json")));
  }

  private static String readable(Path file) {
    try {
      return Files.readString(file);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
