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
 * That a reminder of {@code kind} went to one person for one cycle: inserted before the mail is
 * handed over, unique per person, cycle and kind, so no node sends it twice.
 */
@Entity
@Table(name = "assignment_reminder")
@Multitenant
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = TenantFilter.PROPERTY, length = 36)
@NamedQuery(
    name = AssignmentReminder.ALL_KEYS,
    query = "select r.assignmentId, r.userId, r.cycleNumber, r.kind from AssignmentReminder r")
public class AssignmentReminder {

  public static final String ALL_KEYS = "AssignmentReminder.allKeys";

  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "assignment_id")
  private String assignmentId;

  @Column(name = "user_id")
  private String userId;

  @Column(name = "cycle_number")
  private int cycleNumber;

  private String kind;

  @Column(name = "sent_at")
  @Convert(converter = InstantConverter.class)
  private Instant sentAt;

  protected AssignmentReminder() {}

  public AssignmentReminder(
      String assignmentId, String userId, int cycleNumber, String kind, Instant now) {
    this.id = UUID.randomUUID().toString();
    this.assignmentId = assignmentId;
    this.userId = userId;
    this.cycleNumber = cycleNumber;
    this.kind = kind;
    this.sentAt = now;
  }
}
