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
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * A video or a course assigned to people and groups ({@link AssignmentTarget}) with a first due
 * date, recurring when {@code recurrence} (an ISO period such as {@code P1Y}) is set. Who has
 * completed which cycle is not stored here but computed from completions ({@link AssignmentCycle}).
 */
@Entity
@Table(name = "assignment")
@Multitenant
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = TenantFilter.PROPERTY, length = 36)
@NamedQuery(name = Assignment.ALL, query = "select a from Assignment a order by a.createdAt")
@NamedQuery(name = Assignment.BY_IDS, query = "select a from Assignment a where a.id in :ids")
@NamedQuery(
    name = Assignment.RECURRING,
    query = "select a from Assignment a where a.recurrence is not null")
public class Assignment {

  public static final String ALL = "Assignment.all";
  public static final String BY_IDS = "Assignment.byIds";
  public static final String RECURRING = "Assignment.recurring";

  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "video_id")
  private String videoId;

  @Column(name = "course_id")
  private String courseId;

  @Column(name = "due_date")
  private LocalDate dueDate;

  @Column(name = "recurrence")
  private String recurrence;

  @Column(name = "created_by")
  private String createdBy;

  @Column(name = "created_at")
  @Convert(converter = InstantConverter.class)
  private Instant createdAt;

  protected Assignment() {}

  public Assignment(
      String videoId,
      String courseId,
      LocalDate dueDate,
      String recurrence,
      String createdBy,
      Instant now) {
    if ((videoId == null) == (courseId == null)) {
      throw new IllegalArgumentException("exactly one of videoId and courseId required");
    }
    this.id = UUID.randomUUID().toString();
    this.videoId = videoId;
    this.courseId = courseId;
    this.dueDate = dueDate;
    this.recurrence = recurrence;
    this.createdBy = createdBy;
    this.createdAt = now;
  }

  public String id() {
    return id;
  }

  public String videoId() {
    return videoId;
  }

  public String courseId() {
    return courseId;
  }

  public LocalDate dueDate() {
    return dueDate;
  }

  public String recurrence() {
    return recurrence;
  }

  public String createdBy() {
    return createdBy;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
