package io.kursfilm.notification.boundary;

import java.time.Instant;

/**
 * One notification as its person sees it.
 *
 * @param version the number of the version it is about
 * @param title the video's title as the person sees it now; null when they can no longer see it
 * @param readAt when the person opened or dismissed it; null while unread
 */
public record NotificationView(
    String id,
    NotificationKind kind,
    String videoId,
    int version,
    String title,
    Instant createdAt,
    Instant readAt) {

  public boolean read() {
    return readAt != null;
  }
}
