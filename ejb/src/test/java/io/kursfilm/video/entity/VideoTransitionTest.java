package io.kursfilm.video.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kursfilm.kernel.ConflictException;
import io.kursfilm.video.boundary.VideoDetails;
import io.kursfilm.video.boundary.VideoState;
import java.lang.reflect.Field;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every row of the lifecycle table against every state a version can be in: the allowed ones move
 * the version to the row's target, all others are refused with a conflict and leave it as it was.
 * The expected table is written out here a second time, so a change of the lifecycle is a
 * deliberate change of both.
 */
class VideoTransitionTest {

  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  private static final Map<VideoTransition, Set<VideoState>> ALLOWED =
      Map.ofEntries(
          Map.entry(VideoTransition.COMPLETE_UPLOAD, EnumSet.of(VideoState.UPLOADING)),
          Map.entry(VideoTransition.REJECT_UPLOAD, EnumSet.of(VideoState.UPLOADING)),
          Map.entry(
              VideoTransition.START_PROCESSING,
              EnumSet.of(VideoState.UPLOADED, VideoState.PROCESSING)),
          Map.entry(
              VideoTransition.REJECT_INPUT, EnumSet.of(VideoState.UPLOADED, VideoState.PROCESSING)),
          Map.entry(VideoTransition.FAIL, EnumSet.of(VideoState.UPLOADED, VideoState.PROCESSING)),
          Map.entry(VideoTransition.FINISH_PROCESSING, EnumSet.of(VideoState.PROCESSING)),
          Map.entry(VideoTransition.APPROVE, EnumSet.of(VideoState.IN_REVIEW)),
          Map.entry(VideoTransition.PUBLISH, EnumSet.of(VideoState.IN_REVIEW)),
          Map.entry(VideoTransition.REQUEST_CHANGES, EnumSet.of(VideoState.IN_REVIEW)),
          Map.entry(VideoTransition.ARCHIVE, EnumSet.of(VideoState.PUBLISHED)),
          Map.entry(
              VideoTransition.SUPERSEDE, EnumSet.of(VideoState.PUBLISHED, VideoState.IN_REVIEW)));

  static Stream<Arguments> everyTransitionFromEveryState() {
    return Arrays.stream(VideoTransition.values())
        .flatMap(t -> Arrays.stream(VideoState.values()).map(s -> Arguments.of(t, s)));
  }

  @ParameterizedTest(name = "{0} from {1}")
  @MethodSource("everyTransitionFromEveryState")
  void a_version_moves_only_along_the_table(VideoTransition transition, VideoState from)
      throws Exception {
    VideoVersion version = versionIn(from);
    if (ALLOWED.get(transition).contains(from)) {
      assertEquals(from, version.apply(transition, NOW));
      assertEquals(transition.to(), version.state());
    } else {
      assertThrows(ConflictException.class, () -> version.apply(transition, NOW));
      assertEquals(from, version.state());
    }
  }

  @Test
  void the_table_lists_every_transition() {
    assertEquals(EnumSet.allOf(VideoTransition.class), EnumSet.copyOf(ALLOWED.keySet()));
  }

  @Test
  void nothing_leaves_the_terminal_states() {
    for (VideoState terminal :
        EnumSet.of(
            VideoState.REJECTED_INPUT,
            VideoState.FAILED,
            VideoState.ARCHIVED,
            VideoState.SUPERSEDED,
            VideoState.CHANGES_REQUESTED)) {
      for (VideoTransition t : VideoTransition.values()) {
        assertEquals(false, t.allowedFrom(terminal), t + " from " + terminal);
      }
    }
  }

  @Test
  void a_derived_version_starts_in_review_on_the_same_media() throws Exception {
    VideoVersion published = versionIn(VideoState.PUBLISHED);
    published.rendered("videos/v/hls/abc", java.time.Duration.ofSeconds(30), 1280, 720, "ab12");
    VideoVersion next = published.derive(2, "trainer-2", published.details(), NOW);
    assertEquals(VideoState.IN_REVIEW, next.state());
    assertEquals(published.rendition(), next.rendition());
    assertEquals(published.mediaSha256(), next.mediaSha256());
    assertEquals(published.videoId(), next.videoId());
    assertEquals(2, next.number());
  }

  private static VideoVersion versionIn(VideoState state) throws Exception {
    VideoVersion version =
        new VideoVersion(
            "video-1", 1, "uploader", new VideoDetails("t", null, null, null), 42, 16, NOW);
    Field field = VideoVersion.class.getDeclaredField("state");
    field.setAccessible(true);
    field.set(version, state);
    return version;
  }
}
