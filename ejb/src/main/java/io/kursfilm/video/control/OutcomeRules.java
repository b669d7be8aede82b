package io.kursfilm.video.control;

import io.kursfilm.transcoder.job.OutcomeKind;
import io.kursfilm.video.boundary.VideoState;
import io.kursfilm.video.entity.VideoTransition;
import io.kursfilm.video.entity.VideoVersion;

/**
 * What the video component makes of one outcome a transcode attempt reported, decided from the
 * version as it stands when the outcome is applied. Only the attempt that claimed the version last
 * moves it, and only along the lifecycle table; a cancel wins over whatever an attempt reports.
 * Pure, so that every case is a unit test.
 */
public final class OutcomeRules {

  private OutcomeRules() {}

  /** What is done with an outcome. */
  public enum Verdict {
    /** The version moves along {@link Decision#transition()}. */
    APPLY,
    /** The attempt's progress is recorded; no move. */
    PROGRESS,
    /** The version was cancelled: it goes with all its objects. */
    DISCARD,
    /** The outcome is dropped; what it handed over (a rendition) is deleted. */
    REFUSE
  }

  /**
   * @param transition the move, for {@link Verdict#APPLY}
   * @param why why an outcome is refused, for the log (ids and states only)
   */
  public record Decision(Verdict verdict, VideoTransition transition, String why) {}

  /**
   * The version as the outcome finds it.
   *
   * @param holdsClaim whether the reporting attempt is the one that claimed it last
   */
  public record Standing(VideoState state, boolean holdsClaim, boolean cancelRequested) {

    /** {@code version} as seen by the attempt holding {@code claim}. */
    public static Standing of(VideoVersion version, String claim) {
      return new Standing(version.state(), version.holdsClaim(claim), version.cancelRequested());
    }
  }

  /**
   * Decides outcome {@code kind} for a version that stands as {@code version}; {@code null} when
   * the version is gone (deleted, or discarded after a cancel).
   */
  public static Decision decide(OutcomeKind kind, Standing version) {
    if (version == null) {
      return refuse("the version is gone");
    }
    boolean cancelled = version.cancelRequested() && version.state().inPipeline();
    return switch (kind) {
      case DISCARD -> cancelled ? discard() : refuse("no cancel was requested");
      case CLAIMED ->
          cancelled
              ? refuse("a cancel was requested")
              : move(VideoTransition.START_PROCESSING, version);
      case PROGRESS ->
          !cancelled && version.holdsClaim() && version.state() == VideoState.PROCESSING
              ? new Decision(Verdict.PROGRESS, null, null)
              : refuse("not the processing attempt's");
      case REJECTED, FAILED, PUBLISHED -> {
        if (cancelled) {
          yield discard();
        }
        yield version.holdsClaim()
            ? move(transition(kind), version)
            : refuse("a newer attempt claimed the version");
      }
    };
  }

  /** The move an accepted final outcome makes. */
  static VideoTransition transition(OutcomeKind kind) {
    return switch (kind) {
      case CLAIMED -> VideoTransition.START_PROCESSING;
      case REJECTED -> VideoTransition.REJECT_INPUT;
      case FAILED -> VideoTransition.FAIL;
      case PUBLISHED -> VideoTransition.FINISH_PROCESSING;
      case PROGRESS, DISCARD -> throw new IllegalArgumentException(kind + " is no move");
    };
  }

  private static Decision move(VideoTransition transition, Standing version) {
    return transition.allowedFrom(version.state())
        ? new Decision(Verdict.APPLY, transition, null)
        : refuse("the version is " + version.state() + ", not open to " + transition);
  }

  private static Decision discard() {
    return new Decision(Verdict.DISCARD, null, null);
  }

  private static Decision refuse(String why) {
    return new Decision(Verdict.REFUSE, null, why);
  }
}
