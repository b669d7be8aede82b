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
 * A settled cycle of one person's assignment: completed (the proof of training, never changed
 * afterwards) or opened by the renewal of a recurring assignment. Cycle 1 without a row is computed
 * from the assignment itself.
 */
@Entity
@Table(name = "assignment_cycle")
@Multitenant
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = TenantFilter.PROPERTY, length = 36)
@NamedQuery(
    name = AssignmentCycle.OF_ASSIGNMENTS,
    query = "select c from AssignmentCycle c where c.assignmentId in :assignmentIds")
@NamedQuery(
    name = AssignmentCycle.OF_USER,
    query = "select c from AssignmentCycle c where c.userId = :userId")
public class AssignmentCycle {

  public static final String OF_ASSIGNMENTS = "AssignmentCycle.ofAssignments";
  public static final String OF_USER = "AssignmentCycle.ofUser";

  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "assignment_id")
  private String assignmentId;

  @Column(name = "user_id")
  private String userId;

  private int number;

  @Column(name = "starts_at")
  @Convert(converter = InstantConverter.class)
  private Instant startsAt;

  @Column(name = "due_date")
  private LocalDate dueDate;

  @Column(name = "completed_at")
  @Convert(converter = InstantConverter.class)
  private Instant completedAt;

  protected AssignmentCycle() {}

  public AssignmentCycle(
      String assignmentId, String userId, int number, Instant startsAt, LocalDate dueDate) {
    this.id = UUID.randomUUID().toString();
    this.assignmentId = assignmentId;
    this.userId = userId;
    this.number = number;
    this.startsAt = startsAt;
    this.dueDate = dueDate;
  }

  /** Records the completion once; a completed cycle is history. */
  public void completed(Instant at) {
    if (completedAt != null) {
      throw new IllegalStateException("cycle already completed");
    }
    this.completedAt = at;
  }

  public String id() {
    return id;
  }

  public String assignmentId() {
    return assignmentId;
  }

  public String userId() {
    return userId;
  }

  public int number() {
    return number;
  }

  public Instant startsAt() {
    return startsAt;
  }

  public LocalDate dueDate() {
    return dueDate;
  }

  public Instant completedAt() {
    return completedAt;
  }
}
