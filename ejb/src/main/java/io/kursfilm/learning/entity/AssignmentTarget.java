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

/** Whom an assignment is for: one person ({@code userId}) or one group ({@code groupId}). */
@Entity
@Table(name = "assignment_target")
@Multitenant
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = TenantFilter.PROPERTY, length = 36)
@NamedQuery(name = AssignmentTarget.ALL, query = "select t from AssignmentTarget t")
@NamedQuery(
    name = AssignmentTarget.OF_USER_OR_GROUPS,
    query = "select t from AssignmentTarget t where t.userId = :userId or t.groupId in :groupIds")
@NamedQuery(
    name = AssignmentTarget.OF_ASSIGNMENTS,
    query = "select t from AssignmentTarget t where t.assignmentId in :assignmentIds")
public class AssignmentTarget {

  public static final String ALL = "AssignmentTarget.all";
  public static final String OF_USER_OR_GROUPS = "AssignmentTarget.ofUserOrGroups";
  public static final String OF_ASSIGNMENTS = "AssignmentTarget.ofAssignments";

  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "assignment_id")
  private String assignmentId;

  @Column(name = "user_id")
  private String userId;

  @Column(name = "group_id")
  private String groupId;

  protected AssignmentTarget() {}

  public static AssignmentTarget person(String assignmentId, String userId) {
    AssignmentTarget t = new AssignmentTarget(assignmentId);
    t.userId = userId;
    return t;
  }

  public static AssignmentTarget group(String assignmentId, String groupId) {
    AssignmentTarget t = new AssignmentTarget(assignmentId);
    t.groupId = groupId;
    return t;
  }

  private AssignmentTarget(String assignmentId) {
    this.id = UUID.randomUUID().toString();
    this.assignmentId = assignmentId;
  }

  public String assignmentId() {
    return assignmentId;
  }

  /** Null for a group target. */
  public String userId() {
    return userId;
  }

  /** Null for a person target. */
  public String groupId() {
    return groupId;
  }
}
