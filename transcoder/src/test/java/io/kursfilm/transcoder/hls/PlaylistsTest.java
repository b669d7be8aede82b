package io.kursfilm.transcoder.hls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PlaylistsTest {

  @Test
  void master_variants_with_quoted_attributes() {
    List<Playlists.Variant> variants =
        Playlists.master(
            """
            #EXTM3U
            #EXT-X-VERSION:7
            #EXT-X-STREAM-INF:BANDWIDTH=1680800,RESOLUTION=854x480,CODECS="avc1.64001f,mp4a.40.2"
            480p/playlist.m3u8

            #EXT-X-STREAM-INF:BANDWIDTH=1020800,RESOLUTION=640x360,CODECS="avc1.64001e,mp4a.40.2"
            360p/playlist.m3u8
            """);

    assertEquals(2, variants.size());
    assertEquals("480p/playlist.m3u8", variants.get(0).uri());
    assertEquals("854x480", variants.get(0).attributes().get("RESOLUTION"));
    assertEquals("avc1.64001f,mp4a.40.2", variants.get(0).attributes().get("CODECS"));
    assertEquals("1020800", variants.get(1).attributes().get("BANDWIDTH"));
  }

  @Test
  void media_playlist_segments_init_and_end() {
    Playlists.Media media =
        Playlists.media(
            """
            #EXTM3U
            #EXT-X-TARGETDURATION:4
            #EXT-X-PLAYLIST-TYPE:VOD
            #EXT-X-INDEPENDENT-SEGMENTS
            #EXT-X-MAP:URI="init_0.mp4"
            #EXTINF:4.000000,
            seg_00000.m4s
            #EXTINF:2.040000,
            seg_00001.m4s
            #EXT-X-ENDLIST
            """);

    assertEquals("init_0.mp4", media.init());
    assertEquals(
        List.of(
            new Playlists.Segment(4.0, "seg_00000.m4s"),
            new Playlists.Segment(2.04, "seg_00001.m4s")),
        media.segments());
    assertTrue(media.ended());
  }
}
