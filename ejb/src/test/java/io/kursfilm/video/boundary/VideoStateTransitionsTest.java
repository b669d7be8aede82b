package io.kursfilm.video.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kursfilm.kernel.ConflictException;
import io.kursfilm.video.entity.Video;
import java.lang.reflect.Field;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Documents every state change the {@link Video} entity makes today, from every {@link VideoState}:
 * which calls move it, which leave it, which are refused with a conflict. The transcode job writes
 * {@code PROCESSING}, {@code IN_REVIEW}, {@code FAILED} and its own {@code REJECTED_INPUT} with
 * plain JDBC ({@code JdbcJobLedger}), so those transitions are not the entity's and are not listed
 * here.
 */
class VideoStateTransitionsTest {

  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  /** A call on the entity that may change its state. */
  enum Action {
    UPLOADED {
      @Override
      void apply(Video video) {
        video.uploaded(NOW);
      }
    },
    UPLOADED_WHOLE {
      @Override
      void apply(Video video) {
        video.uploadedWhole(42, NOW);
      }
    },
    REJECT_UPLOAD {
      @Override
      void apply(Video video) {
        video.rejectUpload("EMPTY", NOW);
      }
    },
    REQUEST_CANCEL {
      @Override
      void apply(Video video) {
        video.requestCancel(NOW);
      }
    },
    DESCRIBE {
      @Override
      void apply(Video video) {
        video.describe(new VideoDetails("t", "d", "x", "de"), NOW);
      }
    };

    abstract void apply(Video video);
  }

  /** The allowed transitions: action, from, to. Every pair not listed is refused. */
  static Stream<Arguments> allowed() {
    Stream<Arguments> upload =
        Stream.of(
            Arguments.of(Action.UPLOADED, VideoState.UPLOADING, VideoState.UPLOADED),
            Arguments.of(Action.UPLOADED_WHOLE, VideoState.UPLOADING, VideoState.UPLOADED),
            Arguments.of(Action.REJECT_UPLOAD, VideoState.UPLOADING, VideoState.REJECTED_INPUT),
            // A cancel only sets a flag the job reads; the state stays.
            Arguments.of(Action.REQUEST_CANCEL, VideoState.UPLOADED, VideoState.UPLOADED),
            Arguments.of(Action.REQUEST_CANCEL, VideoState.PROCESSING, VideoState.PROCESSING));
    // The details may be edited in every state today; the state never changes.
    Stream<Arguments> describe =
        Stream.of(VideoState.values()).map(s -> Arguments.of(Action.DESCRIBE, s, s));
    return Stream.concat(upload, describe);
  }

  /** Every action from every state not in {@link #allowed()}. */
  static Stream<Arguments> refused() {
    Set<String> allowed =
        allowed().map(a -> a.get()[0] + ":" + a.get()[1]).collect(Collectors.toSet());
    return Stream.of(Action.values())
        .flatMap(a -> EnumSet.allOf(VideoState.class).stream().map(s -> Arguments.of(a, s)))
        .filter(a -> !allowed.contains(a.get()[0] + ":" + a.get()[1]));
  }

  @ParameterizedTest(name = "{0}: {1} -> {2}")
  @MethodSource("allowed")
  void allowed_transition_moves_the_video(Action action, VideoState from, VideoState to)
      throws ReflectiveOperationException {
    Video video = videoIn(from);
    action.apply(video);
    assertEquals(to, video.state());
  }

  @ParameterizedTest(name = "{0} refused in {1}")
  @MethodSource("refused")
  void refused_transition_is_a_conflict_and_keeps_the_state(Action action, VideoState from)
      throws ReflectiveOperationException {
    Video video = videoIn(from);
    assertThrows(ConflictException.class, () -> action.apply(video));
    assertEquals(from, video.state());
  }

  @Test
  void a_new_video_is_uploading() {
    assertEquals(VideoState.UPLOADING, newVideo().state());
  }

  @Test
  void cancel_sets_the_flag_the_job_reads() throws ReflectiveOperationException {
    Video video = videoIn(VideoState.PROCESSING);
    video.requestCancel(NOW);
    assertTrue(video.cancelRequested());
  }

  @Test
  void every_action_and_state_is_either_allowed_or_refused() {
    assertEquals(
        Action.values().length * VideoState.values().length, allowed().count() + refused().count());
  }

  private static Video newVideo() {
    return new Video("uploader", new VideoDetails("t", null, null, null), 42, 16, NOW);
  }

  /**
   * A video in {@code state}. The entity has no setter for it (the job writes the pipeline states
   * with JDBC), so the test sets the field as a row loaded in that state would have it.
   */
  private static Video videoIn(VideoState state) throws ReflectiveOperationException {
    Video video = newVideo();
    Field field = Video.class.getDeclaredField("state");
    field.setAccessible(true);
    field.set(video, state);
    return video;
  }
}
