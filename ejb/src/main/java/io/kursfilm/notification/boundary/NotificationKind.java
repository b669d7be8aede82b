package io.kursfilm.notification.boundary;

/**
 * What a notification tells its person. Stored by name: never rename one.
 *
 * <p>{@link #REVIEW_WAITING} goes to critics; the others are decisions on a version, for the
 * trainer who uploaded it.
 */
public enum NotificationKind {
  /** A version entered review and waits for a critic. */
  REVIEW_WAITING,
  /** The critics approved the version: it is published. */
  APPROVED,
  /** Another trainer published the version (the tenant does not require a critic's approval). */
  PUBLISHED,
  /** A critic asked for changes; the trainer answers with a new version. */
  CHANGES_REQUESTED;

  /**
   * The page that answers the notification, relative to the app (takes the video as {@code id}):
   * the critic's review page for a version waiting, the trainer's video page for a decision.
   */
  public String page() {
    return this == REVIEW_WAITING ? "critic/review.xhtml" : "trainer/video.xhtml";
  }
}
