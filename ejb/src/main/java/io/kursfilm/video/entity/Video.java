package io.kursfilm.video.entity;

import io.kursfilm.kernel.InstantConverter;
import io.kursfilm.kernel.TenantFilter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * A training video as everyone names it: its versions come and go, its id stays. It knows which
 * version is the newest (what trainers and critics work on) and which one is published (what
 * employees see); the versions themselves carry state, media and captions.
 */
@Entity
@Table(name = "video")
@Multitenant
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = TenantFilter.PROPERTY, length = 36)
@NamedQuery(name = Video.ALL, query = "select v from Video v order by v.createdAt desc")
@NamedQuery(
    name = Video.PUBLISHED,
    query =
        "select v from Video v where v.publishedVersionId is not null order by v.createdAt desc")
public class Video {

  public static final String ALL = "Video.all";
  public static final String PUBLISHED = "Video.published";

  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "owner_id")
  private String ownerId;

  @Column(name = "latest_version_id")
  private String latestVersionId;

  @Column(name = "published_version_id")
  private String publishedVersionId;

  @Column(name = "created_at")
  @Convert(converter = InstantConverter.class)
  private Instant createdAt;

  @Column(name = "updated_at")
  @Convert(converter = InstantConverter.class)
  private Instant updatedAt;

  @Version private long version;

  protected Video() {}

  /** A new video whose first version is {@code first}; the video takes the first version's id. */
  public Video(VideoVersion first, Instant now) {
    this.id = first.videoId();
    this.ownerId = first.uploaderId();
    this.latestVersionId = first.id();
    this.createdAt = now;
    this.updatedAt = now;
  }

  /** {@code next} is now the version trainers and critics work on. */
  public void versionAdded(VideoVersion next, Instant now) {
    this.latestVersionId = next.id();
    this.updatedAt = now;
  }

  /** {@code shown} is now what employees see. */
  public void published(VideoVersion shown, Instant now) {
    this.publishedVersionId = shown.id();
    this.updatedAt = now;
  }

  /** Employees see nothing of it any more. */
  public void unpublished(Instant now) {
    this.publishedVersionId = null;
    this.updatedAt = now;
  }

  public String id() {
    return id;
  }

  public String ownerId() {
    return ownerId;
  }

  public String latestVersionId() {
    return latestVersionId;
  }

  public Optional<String> publishedVersionId() {
    return Optional.ofNullable(publishedVersionId);
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }
}
