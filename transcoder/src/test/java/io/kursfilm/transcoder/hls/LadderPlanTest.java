package io.kursfilm.transcoder.hls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kursfilm.transcoder.probe.MediaInfo;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LadderPlanTest {

  final LadderSettings settings = LadderSettings.defaults();

  @Test
  void full_hd_gets_all_four_rungs_with_their_caps() {
    LadderPlan plan = plan(1920, 1080, 0);

    assertEquals(
        List.of("1080p 1920x1080", "720p 1280x720", "480p 854x480", "360p 640x360"),
        describe(plan));
    assertEquals(
        List.of(5000, 2800, 1400, 800),
        plan.rungs().stream().map(PlannedRung::maxrateKbps).toList());
    assertEquals(10000, plan.rungs().get(0).bufsizeKbps());
  }

  @Test
  void input_is_never_upscaled() {
    assertEquals(List.of("480p 854x480", "360p 640x360"), describe(plan(854, 480, 0)));
    assertEquals(List.of("360p 630x360"), describe(plan(700, 400, 0)));
  }

  @Test
  void tiny_input_gets_one_rung_at_its_own_even_size() {
    LadderPlan plan = plan(321, 241, 0);

    assertEquals(List.of("240p 320x240"), describe(plan));
    assertTrue(plan.rungs().get(0).maxrateKbps() >= 200);
  }

  @Test
  void odd_sizes_keep_the_aspect_with_even_sides() {
    assertEquals(List.of("480p 854x480", "360p 642x360"), describe(plan(1081, 607, 0)));
  }

  @Test
  void rotation_plans_for_the_display_size() {
    assertEquals(List.of("480p 480x854", "360p 360x642"), describe(plan(1081, 607, 90)));
    assertEquals(List.of("480p 854x480", "360p 642x360"), describe(plan(1081, 607, 180)));
  }

  @Test
  void portrait_phone_video_is_named_by_its_shorter_side() {
    assertEquals("1080p 1080x1920", describe(plan(1080, 1920, 0)).get(0));
  }

  @Test
  void poster_is_the_largest_rung_up_to_720p() {
    LadderPlan plan = plan(1920, 1080, 0);
    assertEquals(1280, plan.posterWidth());
    assertEquals(720, plan.posterHeight());
    LadderPlan small = plan(426, 240, 0);
    assertEquals(426, small.posterWidth());
  }

  @Test
  void thumbnails_are_small_and_spaced_to_stay_under_the_maximum() {
    LadderPlan shortClip = LadderPlan.of(1920, 1080, Duration.ofSeconds(6), settings);
    assertEquals(Duration.ofSeconds(2), shortClip.thumbnailInterval());
    assertEquals(160, shortClip.thumbnailWidth());
    assertEquals(90, shortClip.thumbnailHeight());

    LadderPlan fourHours = LadderPlan.of(1080, 1920, Duration.ofHours(4), settings);
    assertEquals(Duration.ofSeconds(48), fourHours.thumbnailInterval());
    assertEquals(90, fourHours.thumbnailWidth());
    assertEquals(160, fourHours.thumbnailHeight());
  }

  @Test
  void variant_stream_map_pairs_each_rung_with_its_audio_copy() {
    List<PlannedRung> rungs = plan(1280, 720, 0).rungs();
    assertEquals(
        "v:0,a:0,name:720p v:1,a:1,name:480p v:2,a:2,name:360p",
        LadderCommand.variantStreamMap(rungs, true));
    assertEquals(
        "v:0,name:720p v:1,name:480p v:2,name:360p", LadderCommand.variantStreamMap(rungs, false));
  }

  @Test
  void filter_graph_splits_the_first_real_video_stream_into_rungs_and_frames() {
    LadderPlan plan = LadderPlan.of(1280, 720, Duration.ofSeconds(60), settings);

    assertEquals(
        "[0:V:0]split=4[s0][s1][s2][f]"
            + ";[s0]scale=1280:720,setsar=1,format=yuv420p[v0]"
            + ";[s1]scale=854:480,setsar=1,format=yuv420p[v1]"
            + ";[s2]scale=640:360,setsar=1,format=yuv420p[v2]"
            + ";[f]fps=1/2,scale=1280:720,setsar=1,format=yuvj420p[frames]",
        LadderCommand.filterGraph(plan, true));
  }

  @Test
  void ffmpeg_reads_only_a_little_past_the_measured_duration() {
    assertEquals(Duration.ofSeconds(7), LadderCommand.readLimit(Duration.ofSeconds(5)));
    assertEquals(Duration.ofSeconds(630), LadderCommand.readLimit(Duration.ofSeconds(600)));
  }

  private LadderPlan plan(int width, int height, int rotation) {
    MediaInfo info =
        new MediaInfo(
            "mov", Duration.ofSeconds(60), width, height, rotation, "h264", Optional.empty());
    return LadderPlan.of(info, settings);
  }

  private static List<String> describe(LadderPlan plan) {
    return plan.rungs().stream().map(r -> r.name() + " " + r.width() + "x" + r.height()).toList();
  }
}
