package io.kursfilm.quiz.entity;

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
import java.util.UUID;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * One saved version of a video's quiz. Never changed once stored: a trainer's edit is the next
 * number, carried by a new video version that goes back to review. The definition (questions, right
 * answers, feedback) is sealed under the tenant's key and bound to this row.
 */
@Entity
@Table(name = "quiz")
@Multitenant
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = TenantFilter.PROPERTY, length = 36)
@NamedQuery(
    name = Quiz.LATEST_NUMBER,
    query = "select max(q.number) from Quiz q where q.videoId = :videoId")
@NamedQuery(
    name = Quiz.OF_VIDEO,
    query = "select q from Quiz q where q.videoId = :videoId order by q.number")
@NamedQuery(
    name = Quiz.NUMBERS_OF_VIDEO,
    query =
        "select q.id, q.number, q.createdAt from Quiz q where q.videoId = :videoId"
            + " order by q.number desc")
@NamedQuery(
    name = Quiz.VERSIONS_BY_VIDEO,
    query = "select q.videoId, count(q) from Quiz q group by q.videoId")
@NamedQuery(name = Quiz.BY_IDS, query = "select q from Quiz q where q.id in :ids")
public class Quiz {

  public static final String LATEST_NUMBER = "Quiz.latestNumber";
  public static final String BY_IDS = "Quiz.byIds";

  /** Every quiz version of a video, in order. */
  public static final String OF_VIDEO = "Quiz.ofVideo";

  /** (id, number, created at) of a video's quiz versions, newest first; no definition opened. */
  public static final String NUMBERS_OF_VIDEO = "Quiz.numbersOfVideo";

  /** (video id, number of quiz versions) for each video of the tenant that has a quiz. */
  public static final String VERSIONS_BY_VIDEO = "Quiz.versionsByVideo";

  private static final String TABLE = "quiz";
  private static final String FIELD = "definition";

  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "video_id")
  private String videoId;

  private int number;

  @Column(name = "definition")
  private String definitionSealed;

  @Transient private String definitionJson;

  @Column(name = "created_by")
  private String createdBy;

  @Column(name = "created_at")
  @Convert(converter = InstantConverter.class)
  private Instant createdAt;

  protected Quiz() {}

  /**
   * @param definitionJson the definition as JSON, already validated
   */
  public Quiz(String videoId, int number, String definitionJson, String createdBy, Instant now) {
    this.id = UUID.randomUUID().toString();
    this.videoId = videoId;
    this.number = number;
    this.definitionJson = definitionJson;
    this.createdBy = createdBy;
    this.createdAt = now;
  }

  @PrePersist
  void seal() {
    definitionSealed = PersonalData.seal(FIELD, new FieldCipher.Row(TABLE, id), definitionJson);
  }

  @PostLoad
  void open() {
    definitionJson = PersonalData.open(FIELD, new FieldCipher.Row(TABLE, id), definitionSealed);
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

  public String definitionJson() {
    return definitionJson;
  }

  public String createdBy() {
    return createdBy;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
