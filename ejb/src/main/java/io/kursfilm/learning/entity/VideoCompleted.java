package io.kursfilm.learning.entity;

import io.kursfilm.kernel.InstantConverter;
import io.kursfilm.kernel.TenantFilter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * One completion of a video by one person: written once when the completion rule is met, never
 * changed (history; a recurring assignment needs one after its cycle began). Removed with its
 * person or its video (foreign keys, V22).
 */
@Entity
@Table(name = "video_completion")
@Multitenant
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = TenantFilter.PROPERTY, length = 36)
@NamedQuery(
    name = VideoCompleted.LATEST_OF_USERS,
    query =
        "select c.userId, c.videoId, max(c.completedAt) from VideoCompleted c"
            + " where c.userId in :userIds group by c.userId, c.videoId")
@NamedQuery(
    name = VideoCompleted.LATEST_OF_USERS_AND_VIDEOS,
    query =
        "select c.userId, c.videoId, max(c.completedAt) from VideoCompleted c"
            + " where c.userId in :userIds and c.videoId in :videoIds"
            + " group by c.userId, c.videoId")
public class VideoCompleted {

  public static final String LATEST_OF_USERS = "VideoCompleted.latestOfUsers";
  public static final String LATEST_OF_USERS_AND_VIDEOS = "VideoCompleted.latestOfUsersAndVideos";

  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "user_id", length = 36)
  private String userId;

  @Column(name = "video_id", length = 36)
  private String videoId;

  @Column(name = "video_version")
  private int videoVersion;

  @Column(name = "completed_at")
  @Convert(converter = InstantConverter.class)
  private Instant completedAt;

  protected VideoCompleted() {}

  public VideoCompleted(String userId, String videoId, int videoVersion, Instant completedAt) {
    if (userId == null || videoId == null || completedAt == null) {
      throw new IllegalArgumentException("user, video and time required");
    }
    this.id = UUID.randomUUID().toString();
    this.userId = userId;
    this.videoId = videoId;
    this.videoVersion = videoVersion;
    this.completedAt = completedAt;
  }

  public String id() {
    return id;
  }

  public String userId() {
    return userId;
  }

  public String videoId() {
    return videoId;
  }

  public int videoVersion() {
    return videoVersion;
  }

  public Instant completedAt() {
    return completedAt;
  }
}
