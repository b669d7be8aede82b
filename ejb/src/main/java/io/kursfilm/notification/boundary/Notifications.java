package io.kursfilm.notification.boundary;

import io.kursfilm.kernel.Caller;
import io.kursfilm.kernel.Role;
import io.kursfilm.kernel.TenantScoped;
import io.kursfilm.notification.entity.Notification;
import io.kursfilm.video.boundary.VideoView;
import io.kursfilm.video.boundary.Videos;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The caller's own notifications: the newest ones, how many are unread, and marking them read. A
 * notification of another person is treated exactly like one that does not exist, in the own tenant
 * as in any other. Titles are looked up through the video component as the caller sees the video
 * now, so a notification never shows more than its person may see.
 */
@Stateless
@TenantScoped
@RolesAllowed({Role.Names.TRAINER, Role.Names.CRITIC, Role.Names.TENANT_ADMIN, Role.Names.EMPLOYEE})
public class Notifications {

  /** The most a list returns; the bell shows fewer. */
  public static final int MAX_LIMIT = 50;

  @PersistenceContext(unitName = "kursfilm")
  EntityManager em;

  @Inject Caller caller;
  @Inject Clock clock;
  @Inject Videos videos;

  /**
   * The caller's newest notifications, newest first.
   *
   * @param limit how many, 1 to {@link #MAX_LIMIT}
   */
  public List<NotificationView> latest(int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit: between 1 and " + MAX_LIMIT);
    }
    Map<String, Optional<String>> titles = new HashMap<>();
    return em.createNamedQuery(Notification.OF_USER, Notification.class)
        .setParameter("userId", me())
        .setMaxResults(limit)
        .getResultStream()
        .map(n -> view(n, titles.computeIfAbsent(n.videoId(), this::title)))
        .toList();
  }

  public long unreadCount() {
    return em.createNamedQuery(Notification.UNREAD_COUNT, Long.class)
        .setParameter("userId", me())
        .getSingleResult();
  }

  /**
   * Marks one of the caller's notifications read (again is harmless); empty when the caller has no
   * notification with this id.
   */
  public Optional<NotificationView> markRead(String id) {
    Optional<Notification> own = own(id);
    own.ifPresent(n -> n.markRead(clock.instant()));
    return own.map(n -> view(n, title(n.videoId())));
  }

  /**
   * Marks all of the caller's notifications read.
   *
   * @return how many were unread
   */
  public int markAllRead() {
    Instant now = clock.instant();
    int marked = 0;
    for (Notification n :
        em.createNamedQuery(Notification.UNREAD_OF_USER, Notification.class)
            .setParameter("userId", me())
            .getResultList()) {
      marked += n.markRead(now) ? 1 : 0;
    }
    return marked;
  }

  private Optional<Notification> own(String id) {
    return Optional.ofNullable(id)
        .map(i -> em.find(Notification.class, i))
        .filter(n -> n.isFor(me()));
  }

  private Optional<String> title(String videoId) {
    return videos.find(videoId).map(VideoView::title);
  }

  private String me() {
    return caller.require().userId();
  }

  private static NotificationView view(Notification n, Optional<String> title) {
    return new NotificationView(
        n.id(),
        n.kind(),
        n.videoId(),
        n.version(),
        title.orElse(null),
        n.createdAt(),
        n.readAt().orElse(null));
  }
}
