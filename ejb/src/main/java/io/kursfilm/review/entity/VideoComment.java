package io.kursfilm.review.entity;

import io.kursfilm.kernel.FreeText;
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
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * A remark on one version of a video, at a second of it or (the reason given with a decision) on
 * the version as a whole. Its text is tenant content: sealed under the tenant's key and bound to
 * this row, so the database holds no readable comment and a text copied elsewhere fails to open.
 */
@Entity
@Table(name = "video_comment")
@Multitenant
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = TenantFilter.PROPERTY, length = 36)
@NamedQuery(
    name = VideoComment.OF_VIDEO,
    query = "select c from VideoComment c where c.videoId = :videoId order by c.createdAt")
public class VideoComment {

  public static final String OF_VIDEO = "VideoComment.ofVideo";

  /** Long enough for a careful explanation, short enough to stay a comment. */
  public static final int MAX_LENGTH = 2000;

  private static final String TABLE = "video_comment";
  private static final String TEXT_FIELD = "text";

  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "video_id")
  private String videoId;

  @Column(name = "version_id")
  private String versionId;

  @Column(name = "author_id")
  private String authorId;

  @Column(name = "at_second")
  private Integer atSecond;

  @Column(name = "text")
  private String textSealed;

  @Transient private String text;

  @Column(name = "created_at")
  @Convert(converter = InstantConverter.class)
  private Instant createdAt;

  protected VideoComment() {}

  /**
   * @param atSecond where in the version it points; {@code null} for the version as a whole
   * @param durationSeconds how long the version runs; a comment cannot point beyond its end
   */
  public VideoComment(
      String videoId,
      String versionId,
      String authorId,
      Integer atSecond,
      Long durationSeconds,
      String text,
      Instant now) {
    if (atSecond != null
        && (atSecond < 0 || (durationSeconds != null && atSecond > durationSeconds))) {
      throw new IllegalArgumentException(
          "atSecond: between 0 and " + (durationSeconds == null ? "the end" : durationSeconds));
    }
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("text: required");
    }
    if (text.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("text: at most " + MAX_LENGTH + " characters");
    }
    FreeText.multiLine("text", text);
    this.id = UUID.randomUUID().toString();
    this.videoId = videoId;
    this.versionId = versionId;
    this.authorId = authorId;
    this.atSecond = atSecond;
    this.text = text.strip();
    this.createdAt = now;
  }

  @PrePersist
  void seal() {
    textSealed = PersonalData.seal(TEXT_FIELD, new FieldCipher.Row(TABLE, id), text);
  }

  @PostLoad
  void open() {
    text = PersonalData.open(TEXT_FIELD, new FieldCipher.Row(TABLE, id), textSealed);
  }

  public String id() {
    return id;
  }

  public String videoId() {
    return videoId;
  }

  public String versionId() {
    return versionId;
  }

  public String authorId() {
    return authorId;
  }

  public Optional<Integer> atSecond() {
    return Optional.ofNullable(atSecond);
  }

  public String text() {
    return text;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
