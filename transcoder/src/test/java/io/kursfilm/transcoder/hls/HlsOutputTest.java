package io.kursfilm.transcoder.hls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checks on a finished ladder whose segments are no longer on disk: the playlists must name
 * exactly the segments that were handed over, none empty, and the rung directory holds nothing
 * else.
 */
class HlsOutputTest {

  static final LadderSettings SETTINGS = LadderSettings.defaults();
  static final LadderPlan PLAN = LadderPlan.of(640, 360, Duration.ofSeconds(8), SETTINGS);
  static final Map<String, Long> BOTH =
      Map.of("360p/seg_00000.m4s", 1000L, "360p/seg_00001.m4s", 900L);

  @TempDir Path dir;

  @BeforeEach
  void ffmpegsPlaylists() throws IOException {
    Files.writeString(
        dir.resolve("master.m3u8"),
        "#EXTM3U\n#EXT-X-VERSION:7\n"
            + "#EXT-X-STREAM-INF:BANDWIDTH=955900,RESOLUTION=640x360,CODECS=\"avc1.42c01e\"\n"
            + "360p/playlist.m3u8\n");
    Path rung = Files.createDirectory(dir.resolve("360p"));
    Files.writeString(
        rung.resolve("playlist.m3u8"),
        "#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-TARGETDURATION:4\n#EXT-X-PLAYLIST-TYPE:VOD\n"
            + "#EXT-X-MAP:URI=\"init_0.mp4\"\n"
            + "#EXTINF:4.000000,\nseg_00000.m4s\n#EXTINF:4.000000,\nseg_00001.m4s\n"
            + "#EXT-X-ENDLIST\n");
    Files.write(rung.resolve("init_0.mp4"), new byte[] {1, 2, 3});
  }

  @Test
  void playlists_naming_exactly_the_handed_over_segments_pass_and_get_init_mp4() throws Exception {
    HlsOutput.Verified verified = verify(BOTH);

    assertEquals(Duration.ofSeconds(8), verified.duration());
    assertEquals(1, verified.renditions().size());
    assertTrue(Files.isRegularFile(dir.resolve("360p/init.mp4")));
    assertTrue(Files.readString(dir.resolve("360p/playlist.m3u8")).contains("URI=\"init.mp4\""));
  }

  @Test
  void a_segment_the_playlist_names_but_nobody_handed_over_fails() {
    assertInvalid(Map.of("360p/seg_00000.m4s", 1000L), "lacks seg_00001.m4s");
  }

  @Test
  void a_handed_over_segment_no_playlist_names_fails() {
    Map<String, Long> extra = new java.util.HashMap<>(BOTH);
    extra.put("360p/seg_00002.m4s", 800L);

    assertInvalid(extra, "1 segment(s) handed over that no playlist names");
  }

  @Test
  void an_empty_segment_fails() {
    assertInvalid(
        Map.of("360p/seg_00000.m4s", 1000L, "360p/seg_00001.m4s", 0L), "empty seg_00001.m4s");
  }

  @Test
  void a_file_left_in_a_rung_directory_fails() throws IOException {
    Files.write(dir.resolve("360p/seg_00002.m4s.tmp"), new byte[] {1});

    assertInvalid(BOTH, "holds a file no playlist names");
  }

  private HlsOutput.Verified verify(Map<String, Long> segments) throws Exception {
    return HlsOutput.verify(dir, PLAN, Duration.ofSeconds(8), SETTINGS, segments);
  }

  private void assertInvalid(Map<String, Long> segments, String detail) {
    TranscodeFailedException e =
        assertThrows(TranscodeFailedException.class, () -> verify(segments));
    assertEquals(TranscodeFailedException.Reason.INVALID_OUTPUT, e.reason());
    assertTrue(e.getMessage().contains(detail), e.getMessage());
  }
}
