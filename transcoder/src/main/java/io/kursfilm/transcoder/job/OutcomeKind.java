package io.kursfilm.transcoder.job;

/**
 * What a transcode attempt reports about the version it works on. The application's video component
 * turns each into a move of its lifecycle table, or refuses it. Stored by name in {@code
 * transcode_outcome.kind}: never rename one.
 */
public enum OutcomeKind {
  /** The attempt starts; from now on only its reports count. */
  CLAIMED,
  /** How far the transcode is, 0–100; pending reports of one attempt are merged. */
  PROGRESS,
  /** The input is unusable; the application deletes the original once it accepts this. */
  REJECTED,
  /** The rendition is stored and complete; the application owns its objects from now on. */
  PUBLISHED,
  /** The attempt gave up for good for a reason that is not the input's fault. */
  FAILED,
  /** The version was cancelled and its objects are deleted; its rows go too. */
  DISCARD
}
