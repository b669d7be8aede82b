package io.kursfilm.learning.entity;

import io.kursfilm.kernel.InstantConverter;
import io.kursfilm.kernel.PersonalData;
import io.kursfilm.kernel.TenantFilter;
import io.kursfilm.storage.field.FieldCipher;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.PostLoad;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * Where one person stands with one video: the segments of its published version watched since their
 * last completion (a bitmap) and where to resume. Both are personal data and live sealed in one
 * column bound to this row; a new published version or a completion starts the bitmap over.
 */
@Entity
@Table(name = "watch_progress")
@Multitenant
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = TenantFilter.PROPERTY, length = 36)
@NamedQuery(
    name = WatchProgress.OF_USER_AND_VIDEO,
    query = "select p from WatchProgress p where p.userId = :userId and p.videoId = :videoId")
@NamedQuery(
    name = WatchProgress.OF_USER,
    query = "select p from WatchProgress p where p.userId = :userId order by p.updatedAt desc")
public class WatchProgress {

  public static final String OF_USER_AND_VIDEO = "WatchProgress.ofUserAndVideo";

  /** A person's rows, most recently reported first (continue watching). */
  public static final String OF_USER = "WatchProgress.ofUser";

  private static final String TABLE = "watch_progress";
  private static final String FIELD = "state";

  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "user_id", length = 36)
  private String userId;

  @Column(name = "video_id", length = 36)
  private String videoId;

  @Column(name = "video_version")
  private int videoVersion;

  @Column(name = "state")
  private String stateSealed;

  @Column(name = "updated_at")
  @Convert(converter = InstantConverter.class)
  private Instant updatedAt;

  @Transient private int segmentCount;
  @Transient private double position;
  @Transient private String segments;

  protected WatchProgress() {}

  public WatchProgress(
      String userId, String videoId, int videoVersion, int segmentCount, Instant now) {
    this.id = UUID.randomUUID().toString();
    this.userId = userId;
    this.videoId = videoId;
    startOver(videoVersion, segmentCount, now);
  }

  /** Forgets the watched segments and the position: a new version, or a completion. */
  public void startOver(int videoVersion, int segmentCount, Instant now) {
    this.videoVersion = videoVersion;
    this.segmentCount = segmentCount;
    this.segments = "";
    this.position = 0;
    this.updatedAt = now;
    seal();
  }

  /** Stores the segments watched (encoded bitmap) and, when given, the resume position. */
  public void watched(String segments, Double position, Instant now) {
    this.segments = segments;
    if (position != null) {
      this.position = position;
    }
    this.updatedAt = now;
    seal();
  }

  // Sealed at every change rather than in @PreUpdate: EclipseLink calls that only for an entity it
  // already finds changed, and a transient field is no change to it.
  private void seal() {
    String plain = String.format(Locale.ROOT, "%d;%.1f;%s", segmentCount, position, segments);
    stateSealed = PersonalData.seal(FIELD, new FieldCipher.Row(TABLE, id), plain);
  }

  @PostLoad
  void open() {
    String[] parts =
        PersonalData.open(FIELD, new FieldCipher.Row(TABLE, id), stateSealed).split(";", -1);
    segmentCount = Integer.parseInt(parts[0]);
    position = Double.parseDouble(parts[1]);
    segments = parts[2];
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

  public int segmentCount() {
    return segmentCount;
  }

  /** The encoded bitmap of watched segments (empty: none). */
  public String segments() {
    return segments;
  }

  public double position() {
    return position;
  }

  public Instant updatedAt() {
    return updatedAt;
  }
}
