package io.kursfilm.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HlsCacheControlTest {

  @Test
  void media_segments_are_never_stored_by_the_browser() {
    assertEquals("private, no-store", HlsAnswer.cacheControl(false));
  }

  @Test
  void playlists_are_private_and_revalidated() {
    assertEquals("private, no-cache", HlsAnswer.cacheControl(true));
  }
}
