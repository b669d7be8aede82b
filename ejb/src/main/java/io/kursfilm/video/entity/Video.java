package io.kursfilm.video.entity;

import io.kursfilm.kernel.ConflictException;
import io.kursfilm.kernel.InstantConverter;
import io.kursfilm.kernel.TenantFilter;
import io.kursfilm.video.boundary.VideoDetails;
import io.kursfilm.video.boundary.VideoState;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * A training video of one tenant. Upload and transcoding move it from {@code UPLOADING} to {@code
 * IN_REVIEW}; the transcode job writes its progress with plain JDBC, which is why this entity is
 * never kept in the shared cache.
 */
@Entity
@Table(name = "video")
@Multitenant
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = TenantFilter.PROPERTY, length = 36)
@NamedQuery(name = Video.ALL, query = "select v from Video v order by v.createdAt desc")
@NamedQuery(
    name = Video.IN_STATE,
    query = "select v from Video v where v.state = :state order by v.createdAt desc")
public class Video {

  public static final String ALL = "Video.all";
  public static final String IN_STATE = "Video.inState";

  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "uploader_id")
  private String uploaderId;

  private String title;
  private String description;
  private String tags;
  private String language;

  @Enumerated(EnumType.STRING)
  private VideoState state;

  private int progress;
  private String error;

  @Column(name = "error_detail")
  private String errorDetail;

  @Column(name = "declared_size")
  private long declaredSize;

  @Column(name = "chunk_size")
  private int chunkSize;

  @Column(name = "original_size")
  private Long originalSize;

  @Column(name = "media_sha256")
  private String mediaSha256;

  @Column(name = "duration_ms")
  private Long durationMs;

  private Integer width;
  private Integer height;
  private String rendition;

  @Column(name = "cancel_requested")
  private boolean cancelRequested;

  @Column(name = "created_at")
  @Convert(converter = InstantConverter.class)
  private Instant createdAt;

  @Column(name = "updated_at")
  @Convert(converter = InstantConverter.class)
  private Instant updatedAt;

  @Version private long version;

  protected Video() {}

  /** A video whose upload of {@code declaredSize} bytes in chunks of {@code chunkSize} begins. */
  public Video(
      String uploaderId, VideoDetails details, long declaredSize, int chunkSize, Instant now) {
    this.id = UUID.randomUUID().toString();
    this.uploaderId = uploaderId;
    describe(details, now);
    this.state = VideoState.UPLOADING;
    this.declaredSize = declaredSize;
    this.chunkSize = chunkSize;
    this.createdAt = now;
  }

  /** Title, description, tags and language; the only fields a trainer edits directly. */
  public void describe(VideoDetails details, Instant now) {
    this.title = details.title();
    this.description = details.description();
    this.tags = details.tags();
    this.language = details.language();
    this.updatedAt = now;
  }

  /** Number of chunks the declared size needs. */
  public int chunkCount() {
    return (int) ((declaredSize + chunkSize - 1) / chunkSize);
  }

  /** Plaintext bytes chunk {@code index} must have. */
  public long chunkLength(int index) {
    if (index < 0 || index >= chunkCount()) {
      throw new IllegalArgumentException("no chunk " + index);
    }
    return Math.min(chunkSize, declaredSize - (long) index * chunkSize);
  }

  /** All chunks are stored: the original is complete and may be queued for transcoding. */
  public void uploaded(Instant now) {
    if (state != VideoState.UPLOADING) {
      throw new ConflictException("the upload of this video is already complete");
    }
    this.originalSize = declaredSize;
    this.state = VideoState.UPLOADED;
    this.updatedAt = now;
  }

  /** A streamed upload ended after {@code size} bytes, all stored: the original is complete. */
  public void uploadedWhole(long size, Instant now) {
    this.declaredSize = size;
    uploaded(now);
  }

  /** The upload itself is unusable (empty, too large); nothing of it is kept. */
  public void rejectUpload(String reason, Instant now) {
    if (state != VideoState.UPLOADING) {
      throw new ConflictException("the upload of this video is already complete");
    }
    this.state = VideoState.REJECTED_INPUT;
    this.error = reason;
    this.updatedAt = now;
  }

  /** Asks the transcode job to stop and discard the video; it does so at its next check. */
  public void requestCancel(Instant now) {
    if (!state.inPipeline()) {
      throw new ConflictException("this video is not being processed");
    }
    this.cancelRequested = true;
    this.updatedAt = now;
  }

  public String id() {
    return id;
  }

  public String uploaderId() {
    return uploaderId;
  }

  public VideoDetails details() {
    return new VideoDetails(title, description, tags, language);
  }

  public VideoState state() {
    return state;
  }

  public int progress() {
    return progress;
  }

  public Optional<String> error() {
    return Optional.ofNullable(error);
  }

  public long declaredSize() {
    return declaredSize;
  }

  public int chunkSize() {
    return chunkSize;
  }

  public Optional<Duration> duration() {
    return Optional.ofNullable(durationMs).map(Duration::ofMillis);
  }

  /** Hex SHA-256 of the original the rendition was made from; empty until transcoded. */
  public Optional<String> mediaSha256() {
    return Optional.ofNullable(mediaSha256);
  }

  public Optional<String> rendition() {
    return Optional.ofNullable(rendition);
  }

  public boolean cancelRequested() {
    return cancelRequested;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }
}
