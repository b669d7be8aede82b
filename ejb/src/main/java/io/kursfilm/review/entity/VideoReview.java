package io.kursfilm.review.entity;

import io.kursfilm.kernel.InstantConverter;
import io.kursfilm.kernel.PersonalData;
import io.kursfilm.kernel.TenantFilter;
import io.kursfilm.storage.field.FieldCipher;
import io.kursfilm.video.boundary.ReviewSubjects.Decision;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * A critic's decision on one version, bound to the artefact the critic saw: its media hash, its
 * caption set and the quiz it carries. At most one per critic and version. The two hashes are
 * fingerprints of tenant content: sealed under the tenant's key and bound to this row, compared
 * opened.
 */
@Entity
@Table(name = "video_review")
@Multitenant
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = TenantFilter.PROPERTY, length = 36)
@NamedQuery(
    name = VideoReview.OF_VIDEO,
    query = "select r from VideoReview r where r.videoId = :videoId order by r.createdAt")
@NamedQuery(
    name = VideoReview.OF_VERSION,
    query = "select r from VideoReview r where r.versionId = :versionId order by r.createdAt")
@NamedQuery(
    name = VideoReview.APPROVALS_OF_VERSIONS,
    query =
        "select r.versionId, count(r) from VideoReview r where r.versionId in :versionIds"
            + " and r.decision = :decision group by r.versionId")
@NamedQuery(
    name = VideoReview.PLAINTEXT_HASHES,
    query =
        "select r from VideoReview r where r.mediaSha256Sealed not like 'f2:%'"
            + " or r.captionSetSealed not like 'f2:%'")
public class VideoReview {

  public static final String OF_VIDEO = "VideoReview.ofVideo";
  public static final String OF_VERSION = "VideoReview.ofVersion";
  public static final String APPROVALS_OF_VERSIONS = "VideoReview.approvalsOfVersions";

  /** Decisions whose hashes are not sealed to their row yet (written before V16). */
  public static final String PLAINTEXT_HASHES = "VideoReview.plaintextHashes";

  private static final String TABLE = "video_review";
  private static final String MEDIA_HASH_FIELD = "media_sha256";
  private static final String CAPTION_SET_FIELD = "caption_set";

  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "video_id")
  private String videoId;

  @Column(name = "version_id")
  private String versionId;

  @Column(name = "critic_id")
  private String criticId;

  /** Stored by name. */
  @Enumerated(EnumType.STRING)
  private Decision decision;

  @Column(name = "comment_id")
  private String commentId;

  @Column(name = "media_sha256")
  private String mediaSha256Sealed;

  @Column(name = "caption_set")
  private String captionSetSealed;

  @Transient private String mediaSha256;
  @Transient private String captionSet;

  @Column(name = "quiz_id")
  private String quizId;

  @Column(name = "created_at")
  @Convert(converter = InstantConverter.class)
  private Instant createdAt;

  protected VideoReview() {}

  public VideoReview(
      String videoId,
      String versionId,
      String criticId,
      Decision decision,
      String commentId,
      String mediaSha256,
      String captionSet,
      String quizId,
      Instant now) {
    this.id = UUID.randomUUID().toString();
    this.videoId = videoId;
    this.versionId = versionId;
    this.criticId = criticId;
    this.decision = decision;
    this.commentId = commentId;
    this.mediaSha256 = mediaSha256;
    this.captionSet = captionSet;
    this.quizId = quizId;
    this.createdAt = now;
  }

  /** Written once, never changed. */
  @PrePersist
  void sealHashes() {
    sealPlaintext();
  }

  /** Seals both hashes to this row now; the start-up sealing calls it on rows of before V16. */
  public void sealPlaintext() {
    FieldCipher.Row row = new FieldCipher.Row(TABLE, id);
    mediaSha256Sealed = PersonalData.seal(MEDIA_HASH_FIELD, row, mediaSha256);
    captionSetSealed = PersonalData.seal(CAPTION_SET_FIELD, row, captionSet);
  }

  @PostLoad
  void openHashes() {
    FieldCipher.Row row = new FieldCipher.Row(TABLE, id);
    mediaSha256 = PersonalData.openOrPlain(MEDIA_HASH_FIELD, row, mediaSha256Sealed);
    captionSet = PersonalData.openOrPlain(CAPTION_SET_FIELD, row, captionSetSealed);
  }

  public String id() {
    return id;
  }

  public String versionId() {
    return versionId;
  }

  public String criticId() {
    return criticId;
  }

  public Decision decision() {
    return decision;
  }

  public Optional<String> commentId() {
    return Optional.ofNullable(commentId);
  }

  public String mediaSha256() {
    return mediaSha256;
  }

  public String captionSet() {
    return captionSet;
  }

  /** The quiz the version carried when the critic decided; empty for a version without one. */
  public Optional<String> quizId() {
    return Optional.ofNullable(quizId);
  }

  public Instant createdAt() {
    return createdAt;
  }
}
