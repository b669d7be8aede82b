package io.kursfilm.video.entity;

import io.kursfilm.kernel.ConflictException;
import io.kursfilm.kernel.InstantConverter;
import io.kursfilm.kernel.PersonalData;
import io.kursfilm.kernel.TenantFilter;
import io.kursfilm.storage.field.FieldCipher;
import io.kursfilm.video.boundary.VideoDetails;
import io.kursfilm.video.boundary.VideoState;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * One version of a training video: an upload of its media, or a change of its captions or
 * description on top of an earlier version's media. Its state changes only through {@link #apply},
 * by the rows of {@link VideoTransition}. Transcode outcomes reach it through the video component
 * (JobOutcomes applies what jobs report), never by SQL of their own; jobs only read it, for the
 * cancel flag and the sizes of the original.
 *
 * <p>Title, description and tags are tenant content: sealed under the tenant's key and bound to
 * this row before it is written, opened after it is loaded, so the database holds none of it in
 * clear; so is the media hash, a fingerprint of the content (approvals compare opened hashes).
 * Nothing sorts or filters them in SQL; lists order by time and filter in memory.
 */
@Entity
@Table(name = "video_version")
@Multitenant
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = TenantFilter.PROPERTY, length = 36)
@NamedQuery(
    name = VideoVersion.OF_VIDEO,
    query = "select v from VideoVersion v where v.videoId = :videoId order by v.number desc")
@NamedQuery(
    name = VideoVersion.BY_NUMBER,
    query = "select v from VideoVersion v where v.videoId = :videoId and v.number = :number")
@NamedQuery(
    name = VideoVersion.NEWEST_IN_STATE,
    query =
        "select video, v from VideoVersion v, Video video where video.latestVersionId = v.id"
            + " and v.state = :state order by v.updatedAt")
@NamedQuery(name = VideoVersion.BY_IDS, query = "select v from VideoVersion v where v.id in :ids")
@NamedQuery(
    name = VideoVersion.PLAINTEXT_DETAILS,
    query =
        "select v from VideoVersion v where v.titleSealed not like 'f2:%'"
            + " or v.descriptionSealed not like 'f2:%' or v.tagsSealed not like 'f2:%'"
            + " or v.mediaSha256Sealed not like 'f2:%'")
@NamedQuery(
    name = VideoVersion.PUBLISHED_QUIZZES,
    query =
        "select v.videoId, v.quizId from VideoVersion v, Video w where w.id in :videoIds"
            + " and v.id = w.publishedVersionId and v.quizId is not null")
public class VideoVersion {

  public static final String OF_VIDEO = "VideoVersion.ofVideo";
  public static final String BY_NUMBER = "VideoVersion.byNumber";
  public static final String NEWEST_IN_STATE = "VideoVersion.newestInState";
  public static final String BY_IDS = "VideoVersion.byIds";

  /** Versions whose details are not all sealed to their row yet (written before V16). */
  public static final String PLAINTEXT_DETAILS = "VideoVersion.plaintextDetails";

  private static final String TABLE = "video_version";
  private static final String TITLE_FIELD = "title";
  private static final String DESCRIPTION_FIELD = "description";
  private static final String TAGS_FIELD = "tags";
  private static final String MEDIA_HASH_FIELD = "media_sha256";

  /** (video id, quiz id) of the published versions of the given videos that carry a quiz. */
  public static final String PUBLISHED_QUIZZES = "VideoVersion.publishedQuizzes";

  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "video_id", length = 36)
  private String videoId;

  private int number;

  @Column(name = "uploader_id")
  private String uploaderId;

  @Column(name = "title")
  private String titleSealed;

  @Column(name = "description")
  private String descriptionSealed;

  @Column(name = "tags")
  private String tagsSealed;

  @Transient private String title;
  @Transient private String description;
  @Transient private String tags;

  /** Whether the sealed columns hold the current details, bound to this row. */
  @Transient private boolean detailsSealed;

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

  /** Sealed {@link #mediaSha256}: a hash of the media is a fingerprint of tenant content. */
  @Column(name = "media_sha256")
  private String mediaSha256Sealed;

  @Transient private String mediaSha256;

  @Column(name = "duration_ms")
  private Long durationMs;

  private Integer width;
  private Integer height;
  private String rendition;

  @Column(name = "cancel_requested")
  private boolean cancelRequested;

  @Column(name = "job_claim")
  private String jobClaim;

  @Column(name = "quiz_id")
  private String quizId;

  @Column(name = "created_at")
  @Convert(converter = InstantConverter.class)
  private Instant createdAt;

  @Column(name = "updated_at")
  @Convert(converter = InstantConverter.class)
  private Instant updatedAt;

  @Version private long version;

  protected VideoVersion() {}

  /**
   * Version {@code number} of video {@code videoId}, whose upload of {@code declaredSize} bytes in
   * chunks of {@code chunkSize} begins. The first version of a video has the video's id.
   */
  public VideoVersion(
      String videoId,
      int number,
      String uploaderId,
      VideoDetails details,
      long declaredSize,
      int chunkSize,
      Instant now) {
    this.id = number == 1 ? videoId : UUID.randomUUID().toString();
    this.videoId = videoId;
    this.number = number;
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
    this.detailsSealed = false;
    this.updatedAt = now;
  }

  @PrePersist
  @PreUpdate
  void sealDetails() {
    if (!detailsSealed) {
      sealPlaintext();
    }
  }

  /**
   * Seals title, description and tags to this row now. The start-up sealing calls it on rows
   * written in clear before V16; it changes the columns, so the row is written even if nothing else
   * changed.
   */
  public void sealPlaintext() {
    FieldCipher.Row row = row();
    titleSealed = PersonalData.seal(TITLE_FIELD, row, title);
    descriptionSealed = PersonalData.seal(DESCRIPTION_FIELD, row, description);
    tagsSealed = PersonalData.seal(TAGS_FIELD, row, tags);
    mediaSha256Sealed = PersonalData.seal(MEDIA_HASH_FIELD, row, mediaSha256);
    detailsSealed = true;
  }

  /** Opens the details; a value from another row fails here rather than showing. */
  @PostLoad
  void openDetails() {
    FieldCipher.Row row = row();
    title = PersonalData.openOrPlain(TITLE_FIELD, row, titleSealed);
    description = PersonalData.openOrPlain(DESCRIPTION_FIELD, row, descriptionSealed);
    tags = PersonalData.openOrPlain(TAGS_FIELD, row, tagsSealed);
    mediaSha256 = PersonalData.openOrPlain(MEDIA_HASH_FIELD, row, mediaSha256Sealed);
    detailsSealed =
        FieldCipher.isRowBound(titleSealed)
            && (descriptionSealed == null || FieldCipher.isRowBound(descriptionSealed))
            && (tagsSealed == null || FieldCipher.isRowBound(tagsSealed))
            && (mediaSha256Sealed == null || FieldCipher.isRowBound(mediaSha256Sealed));
  }

  private FieldCipher.Row row() {
    return new FieldCipher.Row(TABLE, id);
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

  /**
   * A version on top of this one's media, with other captions or details: it needs no transcode and
   * goes straight to review.
   */
  public VideoVersion derive(
      int newNumber, String changedBy, VideoDetails newDetails, Instant now) {
    VideoVersion next =
        new VideoVersion(videoId, newNumber, changedBy, newDetails, declaredSize, chunkSize, now);
    next.originalSize = originalSize;
    next.mediaSha256 = mediaSha256;
    next.durationMs = durationMs;
    next.width = width;
    next.height = height;
    next.rendition = rendition;
    next.quizId = quizId;
    next.progress = 100;
    next.state = VideoState.IN_REVIEW;
    return next;
  }

  /**
   * The one writer of {@link #state}: moves along {@code transition} or refuses with a conflict.
   * Returns the state it left.
   */
  public VideoState apply(VideoTransition transition, Instant now) {
    if (!transition.allowedFrom(state)) {
      throw new ConflictException(
          "version "
              + number
              + " is "
              + state
              + ": cannot "
              + transition.name().toLowerCase(Locale.ROOT).replace('_', ' '));
    }
    VideoState left = state;
    this.state = transition.to();
    this.updatedAt = now;
    switch (transition) {
      case COMPLETE_UPLOAD -> this.originalSize = declaredSize;
      case START_PROCESSING -> {
        this.progress = 0;
        this.error = null;
        this.errorDetail = null;
      }
      case FINISH_PROCESSING -> this.progress = 100;
      case REJECT_INPUT, REJECT_UPLOAD, FAIL -> this.progress = 0;
      default -> {}
    }
    return left;
  }

  /** A streamed upload ended after {@code size} bytes, all stored. */
  public void sizeKnown(long size) {
    if (state != VideoState.UPLOADING) {
      throw new ConflictException("the upload of this video is already complete");
    }
    this.declaredSize = size;
  }

  /** Why the input was refused or the job failed: stable key for the UI, short detail. */
  public void failedBecause(String reason, String detail) {
    this.error = reason;
    this.errorDetail = detail;
  }

  /** The quiz that goes with this version from now on; reviewed and approved with it. */
  public void carryQuiz(String quizId) {
    this.quizId = quizId;
  }

  public Optional<String> quizId() {
    return Optional.ofNullable(quizId);
  }

  /** A transcode attempt claimed this version; only that attempt's outcome counts. */
  public void claimedBy(String claim) {
    this.jobClaim = claim;
  }

  /** Whether {@code claim} is the attempt that claimed this version last. */
  public boolean holdsClaim(String claim) {
    return claim != null && claim.equals(jobClaim);
  }

  /** The transcode progress, 0-100, while processing. */
  public void progress(int percent) {
    if (state == VideoState.PROCESSING) {
      this.progress = Math.max(0, Math.min(100, percent));
    }
  }

  /**
   * The finished rendition and what was learnt of the media while making it.
   *
   * @param sha256 the media hash as the job reported it: sealed to this row's {@code media_sha256}
   *     (stored as it is, after it opened here, so a value sealed for another row is refused), or
   *     in clear from a job of before V17
   */
  public void rendered(
      String renditionPrefix, Duration duration, int width, int height, String sha256) {
    this.rendition = renditionPrefix;
    this.durationMs = duration.toMillis();
    this.width = width;
    this.height = height;
    if (FieldCipher.isRowBound(sha256)) {
      this.mediaSha256 = PersonalData.open(MEDIA_HASH_FIELD, row(), sha256);
      this.mediaSha256Sealed = sha256;
    } else {
      this.mediaSha256 = sha256;
      this.detailsSealed = false;
    }
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

  public String videoId() {
    return videoId;
  }

  public int number() {
    return number;
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
