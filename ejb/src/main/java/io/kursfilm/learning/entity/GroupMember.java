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

/** A person in a group since {@code joinedAt}; goes with the person or the group. */
@Entity
@Table(name = "group_member")
@Multitenant
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = TenantFilter.PROPERTY, length = 36)
@NamedQuery(name = GroupMember.ALL, query = "select m from GroupMember m")
@NamedQuery(
    name = GroupMember.OF_USER,
    query = "select m from GroupMember m where m.userId = :userId")
@NamedQuery(
    name = GroupMember.OF_GROUPS,
    query = "select m from GroupMember m where m.groupId in :groupIds")
@NamedQuery(
    name = GroupMember.ONE,
    query = "select m from GroupMember m where m.groupId = :groupId and m.userId = :userId")
public class GroupMember {

  public static final String ALL = "GroupMember.all";
  public static final String OF_USER = "GroupMember.ofUser";
  public static final String OF_GROUPS = "GroupMember.ofGroups";
  public static final String ONE = "GroupMember.one";

  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "group_id")
  private String groupId;

  @Column(name = "user_id")
  private String userId;

  @Column(name = "joined_at")
  @Convert(converter = InstantConverter.class)
  private Instant joinedAt;

  protected GroupMember() {}

  public GroupMember(String groupId, String userId, Instant now) {
    this.id = UUID.randomUUID().toString();
    this.groupId = groupId;
    this.userId = userId;
    this.joinedAt = now;
  }

  public String groupId() {
    return groupId;
  }

  public String userId() {
    return userId;
  }

  public Instant joinedAt() {
    return joinedAt;
  }
}
