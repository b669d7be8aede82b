package io.kursfilm.learning.entity;

import io.kursfilm.kernel.TenantFilter;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.util.UUID;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * A reminder of {@code kind} owed to one person for one cycle, unique per person, cycle and kind,
 * so no pass owes it twice. The row is also the reminder's place in the queue of mails: inserted
 * unsent in the pass's transaction, mailed after commit by {@code ReminderMails}, which alone reads
 * and writes the columns of its delivery ({@code sent_at}, {@code attempts}, {@code
 * next_attempt_at}) with native SQL; they are not mapped here.
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

  protected AssignmentReminder() {}

  public AssignmentReminder(String assignmentId, String userId, int cycleNumber, String kind) {
    this.id = UUID.randomUUID().toString();
    this.assignmentId = assignmentId;
    this.userId = userId;
    this.cycleNumber = cycleNumber;
    this.kind = kind;
  }
}
