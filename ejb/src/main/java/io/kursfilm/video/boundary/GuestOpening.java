package io.kursfilm.video.boundary;

/**
 * What opening a guest link gave.
 *
 * @param grant what the player puts into its HLS URLs (see {@link GuestPlayback#file}); only when
 *     {@link Outcome#OPENED}
 * @param title the video's title, for the page; only when opened
 * @param captions the published version's caption tracks; only when opened
 * @param retryAfterSeconds only when {@link Outcome#THROTTLED}
 */
public record GuestOpening(
    Outcome outcome,
    String grant,
    String title,
    java.util.List<CaptionView> captions,
    long retryAfterSeconds) {

  public enum Outcome {
    OPENED,
    /** The link has a password and none was given: ask for it. */
    PASSWORD_REQUIRED,
    WRONG_PASSWORD,
    /** Too many wrong passwords lately: nothing typed is checked until the block ends. */
    THROTTLED,
    /** Revoked, expired, or its video is no longer published (or its company closed). */
    ENDED,
    /** No such link. */
    UNKNOWN
  }

  static GuestOpening of(Outcome outcome) {
    return new GuestOpening(outcome, null, null, java.util.List.of(), 0);
  }

  public boolean opened() {
    return outcome == Outcome.OPENED;
  }
}
