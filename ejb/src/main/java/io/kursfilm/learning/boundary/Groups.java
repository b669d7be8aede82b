package io.kursfilm.learning.boundary;

import io.kursfilm.audit.boundary.Action;
import io.kursfilm.audit.boundary.AuditEvent;
import io.kursfilm.audit.boundary.AuditLog;
import io.kursfilm.identity.boundary.Colleagues;
import io.kursfilm.identity.boundary.Invitations;
import io.kursfilm.kernel.FreeText;
import io.kursfilm.kernel.Role;
import io.kursfilm.kernel.TenantScoped;
import io.kursfilm.learning.control.GroupCsv;
import io.kursfilm.learning.control.LearningStore;
import io.kursfilm.learning.entity.GroupMember;
import io.kursfilm.learning.entity.LearnerGroup;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Groups of people that tenant admins manage by hand or import from CSV, and that trainers assign
 * videos and courses to. An import either parses as a whole or changes nothing; its bad lines are
 * reported by number and skipped, unknown addresses are invited as employees.
 */
@Stateless
@TenantScoped
@RolesAllowed(Role.Names.TENANT_ADMIN)
public class Groups {

  @Inject LearningStore store;
  @Inject Colleagues colleagues;
  @Inject Invitations invitations;
  @Inject AuditLog audit;
  @Inject Clock clock;

  /** The groups with their number of members; trainers need them to assign. */
  @RolesAllowed({Role.Names.TENANT_ADMIN, Role.Names.TRAINER})
  public List<GroupView> list() {
    Map<String, Integer> counts = new HashMap<>();
    store.members().forEach(m -> counts.merge(m.groupId(), 1, Integer::sum));
    return store.groups().stream()
        .map(g -> new GroupView(g.id(), g.name(), counts.getOrDefault(g.id(), 0), List.of()))
        .sorted(Comparator.comparing(GroupView::name, String.CASE_INSENSITIVE_ORDER))
        .toList();
  }

  /** A group with its members' names: a read of personal data, audited. */
  public Optional<GroupView> find(String id) {
    Optional<LearnerGroup> group = store.find(LearnerGroup.class, id);
    if (group.isEmpty()) {
      return Optional.empty();
    }
    List<GroupMember> members = store.membersOf(List.of(id));
    Map<String, String> names =
        colleagues.displayNames(members.stream().map(GroupMember::userId).toList());
    audit.record(
        AuditEvent.of(Action.PARTICIPANTS_READ)
            .subject("group", id)
            .detail("count", members.size()));
    return Optional.of(
        new GroupView(
            id,
            group.get().name(),
            members.size(),
            members.stream()
                .map(m -> new GroupView.Member(m.userId(), names.get(m.userId())))
                .sorted(
                    Comparator.comparing(
                        (GroupView.Member m) -> String.valueOf(m.name()),
                        String.CASE_INSENSITIVE_ORDER))
                .toList()));
  }

  public GroupView create(String name) {
    LearnerGroup group = new LearnerGroup(checked(name), clock.instant());
    store.addNow(group);
    return new GroupView(group.id(), group.name(), 0, List.of());
  }

  public boolean rename(String id, String name) {
    String checked = checked(name);
    Optional<LearnerGroup> group = store.find(LearnerGroup.class, id);
    group.ifPresent(g -> g.rename(checked));
    return group.isPresent();
  }

  /** Removes the group; assignments made to it no longer reach anybody through it. */
  public boolean delete(String id) {
    Optional<LearnerGroup> group = store.find(LearnerGroup.class, id);
    group.ifPresent(store::remove);
    return group.isPresent();
  }

  /**
   * Adds active users of the tenant to the group (those already in it stay as they are); any
   * unknown id refuses the whole call. Empty when the group is not the tenant's.
   *
   * @return how many were added
   */
  public Optional<Integer> addMembers(String groupId, Collection<String> userIds) {
    if (store.find(LearnerGroup.class, groupId).isEmpty()) {
      return Optional.empty();
    }
    if (userIds == null || userIds.isEmpty()) {
      throw new IllegalArgumentException("userIds: at least one");
    }
    Set<String> active = colleagues.active(userIds);
    for (String userId : userIds) {
      if (!active.contains(userId)) {
        throw new IllegalArgumentException("userIds: no active user " + userId + " here");
      }
    }
    int added = 0;
    for (String userId : active) {
      if (join(groupId, userId)) {
        added++;
      }
    }
    return Optional.of(added);
  }

  /** False when the person is not in the group (or the group not the tenant's). */
  public boolean removeMember(String groupId, String userId) {
    Optional<GroupMember> member = store.member(groupId, userId);
    member.ifPresent(store::remove);
    return member.isPresent();
  }

  /**
   * Imports people from CSV ({@code email,name[,group]}): existing users (matched by address) join
   * the group of their line, or {@code defaultGroupId}; unknown addresses are invited as employees.
   * Groups named in the file that do not exist are created.
   */
  public ImportReport importCsv(String csv, String defaultGroupId) {
    LearnerGroup defaultGroup =
        defaultGroupId == null || defaultGroupId.isBlank()
            ? null
            : store
                .find(LearnerGroup.class, defaultGroupId)
                .orElseThrow(() -> new IllegalArgumentException("group: no group here"));
    List<GroupCsv.Line> lines = GroupCsv.parse(csv);
    Map<String, LearnerGroup> byName = new HashMap<>();
    store.groups().forEach(g -> byName.putIfAbsent(key(g.name()), g));
    List<ImportReport.Line> report = new ArrayList<>();
    int added = 0;
    int invited = 0;
    int rejected = 0;
    for (GroupCsv.Line line : lines) {
      if (!line.ok()) {
        rejected++;
        report.add(
            new ImportReport.Line(line.number(), line.email(), "REJECTED", null, line.error()));
        continue;
      }
      LearnerGroup group =
          line.group() == null
              ? defaultGroup
              : byName.computeIfAbsent(key(line.group()), k -> created(line.group()));
      String groupName = group == null ? null : group.name();
      Optional<String> userId = colleagues.idOf(line.email());
      if (userId.isPresent()) {
        if (group != null) {
          join(group.id(), userId.get());
        }
        added++;
        report.add(new ImportReport.Line(line.number(), line.email(), "ADDED", groupName, null));
      } else {
        invitations.invite(line.email(), line.name(), Set.of(Role.EMPLOYEE));
        invited++;
        report.add(new ImportReport.Line(line.number(), line.email(), "INVITED", groupName, null));
      }
    }
    audit.recordInTransaction(
        AuditEvent.of(Action.GROUP_IMPORTED)
            .subject("group", defaultGroup == null ? null : defaultGroup.id())
            .detail("added", added)
            .detail("invited", invited)
            .detail("rejected", rejected));
    return new ImportReport(added, invited, rejected, report);
  }

  private LearnerGroup created(String name) {
    LearnerGroup group = new LearnerGroup(name, clock.instant());
    store.addNow(group);
    return group;
  }

  private boolean join(String groupId, String userId) {
    if (store.member(groupId, userId).isPresent()) {
      return false;
    }
    store.add(new GroupMember(groupId, userId, clock.instant()));
    // Now: the next line of an import may name the same person, the query must see the row.
    store.flush();
    return true;
  }

  private static String key(String name) {
    return name.strip().toLowerCase(Locale.ROOT);
  }

  private static String checked(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("name: required");
    }
    return FreeText.line("name", name.strip());
  }
}
