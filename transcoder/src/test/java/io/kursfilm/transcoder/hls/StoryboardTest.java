package io.kursfilm.transcoder.hls;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class StoryboardTest {

  @Test
  void few_thumbnails_share_one_sprite_of_exactly_their_size() {
    Storyboard board =
        Storyboard.layout(3, Duration.ofSeconds(2), Duration.ofMillis(5000), 160, 90);

    assertEquals(3, board.columns());
    assertEquals(1, board.rows());
    assertEquals(1, board.sprites());
    assertEquals(
        """
        WEBVTT

        00:00:00.000 --> 00:00:02.000
        sprite_000.jpg#xywh=0,0,160,90

        00:00:02.000 --> 00:00:04.000
        sprite_000.jpg#xywh=160,0,160,90

        00:00:04.000 --> 00:00:05.000
        sprite_000.jpg#xywh=320,0,160,90
        """,
        board.vtt());
  }

  @Test
  void many_thumbnails_fill_ten_by_ten_sprites() {
    Storyboard board =
        Storyboard.layout(250, Duration.ofSeconds(12), Duration.ofSeconds(3000), 160, 90);

    assertEquals(3, board.sprites());
    String vtt = board.vtt();
    // Thumbnail 123: sprite 1, cell 23 = row 2, column 3.
    assertEquals(
        true,
        vtt.contains("00:24:36.000 --> 00:24:48.000\nsprite_001.jpg#xywh=480,180,160,90\n"),
        vtt);
  }

  @Test
  void cues_never_start_after_the_end() {
    Storyboard board =
        Storyboard.layout(4, Duration.ofSeconds(2), Duration.ofMillis(6000), 160, 90);
    assertEquals(3, board.vtt().split("-->").length - 1);
  }

  @Test
  void timestamps_carry_hours() {
    assertEquals("01:02:03.004", Storyboard.timestamp(Duration.parse("PT1H2M3.004S")));
  }
}
