package io.kursfilm.notification.entity;

import io.kursfilm.kernel.InstantConverter;
import io.kursfilm.kernel.TenantFilter;
import io.kursfilm.notification.boundary.NotificationKind;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * An in-app notification: one person of one tenant is told something about one version of a video.
 * Written in the transaction of the state change it reports, so it exists exactly when that change
 * does; afterwards only its read mark changes. Removed with its person or its video (foreign keys,
 * V14).
 */
@Entity
@Table(name = "notification")
@Multitenant
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = TenantFilter.PROPERTY, length = 36)
@NamedQuery(
    name = Notification.OF_USER,
    query =
        "select n from Notification n where n.userId = :userId"
            + " order by n.createdAt desc, n.id desc")
@NamedQuery(
    name = Notification.UNREAD_OF_USER,
    query = "select n from Notification n where n.userId = :userId and n.readAt is null")
@NamedQuery(
    name = Notification.UNREAD_COUNT,
    query = "select count(n) from Notification n where n.userId = :userId and n.readAt is null")
public class Notification {

  public static final String OF_USER = "Notification.ofUser";
  public static final String UNREAD_OF_USER = "Notification.unreadOfUser";
  public static final String UNREAD_COUNT = "Notification.unreadCount";

  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "user_id", length = 36)
  private String userId;

  @Enumerated(EnumType.STRING)
  private NotificationKind kind;

  @Column(name = "video_id", length = 36)
  private String videoId;

  private int version;

  @Column(name = "created_at")
  @Convert(converter = InstantConverter.class)
  private Instant createdAt;

  @Column(name = "read_at")
  @Convert(converter = InstantConverter.class)
  private Instant readAt;

  protected Notification() {}

  /** Tells {@code userId} about version {@code version} of video {@code videoId}. */
  public Notification(
      String userId, NotificationKind kind, String videoId, int version, Instant now) {
    if (userId == null || kind == null || videoId == null) {
      throw new IllegalArgumentException("user, kind and video required");
    }
    this.id = UUID.randomUUID().toString();
    this.userId = userId;
    this.kind = kind;
    this.videoId = videoId;
    this.version = version;
    this.createdAt = stored(now);
  }

  /** What the column keeps (microseconds), so the value read back is the value written. */
  private static Instant stored(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS);
  }

  /**
   * Marks it read; the first time counts, so a second click does not move it.
   *
   * @return whether it was unread until now
   */
  public boolean markRead(Instant now) {
    if (readAt != null) {
      return false;
    }
    readAt = stored(now);
    return true;
  }

  /** Whether it belongs to {@code userId}: nobody reads or marks another person's. */
  public boolean isFor(String userId) {
    return this.userId.equals(userId);
  }

  public String id() {
    return id;
  }

  public String userId() {
    return userId;
  }

  public NotificationKind kind() {
    return kind;
  }

  public String videoId() {
    return videoId;
  }

  public int version() {
    return version;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Optional<Instant> readAt() {
    return Optional.ofNullable(readAt);
  }
}
