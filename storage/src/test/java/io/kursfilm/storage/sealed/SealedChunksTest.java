package io.kursfilm.storage.sealed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The arithmetic and naming of chunks, which needs no store. */
class SealedChunksTest {

  final SealedChunks chunks = new SealedChunks(null, null, 1000);

  @Test
  void chunk_count_rounds_up_and_an_empty_upload_has_none() {
    assertEquals(0, chunks.chunkCount(0));
    assertEquals(1, chunks.chunkCount(1));
    assertEquals(1, chunks.chunkCount(1000));
    assertEquals(2, chunks.chunkCount(1001));
    assertEquals(8, new SealedChunks(null, null).chunkCount(64L * 1024 * 1024));
    assertThrows(IllegalArgumentException.class, () -> chunks.chunkCount(-1));
    assertThrows(IllegalArgumentException.class, () -> chunks.chunkCount(1000L * 1_000_001));
  }

  @Test
  void every_chunk_but_the_last_is_full() {
    assertEquals(1000, chunks.chunkLength(2500, 0));
    assertEquals(1000, chunks.chunkLength(2500, 1));
    assertEquals(500, chunks.chunkLength(2500, 2));
    assertEquals(1000, chunks.chunkLength(2000, 1));
    assertThrows(IllegalArgumentException.class, () -> chunks.chunkLength(2000, 2));
    assertThrows(IllegalArgumentException.class, () -> chunks.chunkLength(0, 0));
  }

  @Test
  void chunk_ids_have_six_digits_under_the_prefix() {
    assertEquals("videos/42/original/000000", SealedChunks.chunkId("videos/42/original", 0));
    assertEquals("v/000123", SealedChunks.chunkId("v", 123));
    assertEquals("v/999999", SealedChunks.chunkId("v", 999_999));
    assertThrows(IllegalArgumentException.class, () -> SealedChunks.chunkId("v", 1_000_000));
    assertThrows(IllegalArgumentException.class, () -> SealedChunks.chunkId("v", -1));
  }

  @Test
  void prefixes_that_could_reach_other_objects_are_refused() {
    for (String prefix : new String[] {"", "/", "videos/", "/videos", "a|b", "a b", null}) {
      assertThrows(
          IllegalArgumentException.class, () -> SealedChunks.chunkId(prefix, 0), "" + prefix);
      assertThrows(
          IllegalArgumentException.class, () -> chunks.deleteAll("tenant-a", prefix), "" + prefix);
    }
  }
}
