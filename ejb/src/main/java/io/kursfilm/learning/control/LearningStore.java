package io.kursfilm.learning.control;

import io.kursfilm.learning.entity.Assignment;
import io.kursfilm.learning.entity.AssignmentCycle;
import io.kursfilm.learning.entity.AssignmentReminder;
import io.kursfilm.learning.entity.AssignmentTarget;
import io.kursfilm.learning.entity.Course;
import io.kursfilm.learning.entity.CourseVideo;
import io.kursfilm.learning.entity.GroupMember;
import io.kursfilm.learning.entity.LearnerGroup;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Courses, groups and assignments of the tenant bound to the transaction. */
@Dependent
public class LearningStore {

  @PersistenceContext(unitName = "kursfilm")
  EntityManager em;

  public void add(Object row) {
    em.persist(row);
  }

  /**
   * Persists and writes at once: rows that others reference by foreign key (course, group,
   * assignment). The entities have no JPA relationships, so EclipseLink does not know to insert
   * them before their children.
   */
  public void addNow(Object row) {
    em.persist(row);
    em.flush();
  }

  /** Writes now, so a unique key another node holds fails here and not at commit. */
  public void flush() {
    em.flush();
  }

  public void remove(Object row) {
    em.remove(row);
  }

  public <T> Optional<T> find(Class<T> type, String id) {
    return Optional.ofNullable(id).map(i -> em.find(type, i));
  }

  public List<Course> courses() {
    return em.createNamedQuery(Course.ALL, Course.class).getResultList();
  }

  public List<Course> courses(Collection<String> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return em.createNamedQuery(Course.BY_IDS, Course.class)
        .setParameter("ids", List.copyOf(ids))
        .getResultList();
  }

  /** The videos of each course in order, by course id; courses without videos are left out. */
  public Map<String, List<String>> videosOf(Collection<String> courseIds) {
    Map<String, List<String>> videos = new LinkedHashMap<>();
    if (courseIds.isEmpty()) {
      return videos;
    }
    for (CourseVideo v :
        em.createNamedQuery(CourseVideo.OF_COURSES, CourseVideo.class)
            .setParameter("courseIds", List.copyOf(courseIds))
            .getResultList()) {
      videos.computeIfAbsent(v.courseId(), c -> new ArrayList<>()).add(v.videoId());
    }
    return videos;
  }

  /** Replaces the course's videos with {@code videoIds} in this order. */
  public void order(String courseId, List<String> videoIds) {
    em.createNamedQuery(CourseVideo.DELETE_OF_COURSE)
        .setParameter("courseId", courseId)
        .executeUpdate();
    for (int i = 0; i < videoIds.size(); i++) {
      em.persist(new CourseVideo(courseId, videoIds.get(i), i));
    }
  }

  public List<LearnerGroup> groups() {
    return em.createNamedQuery(LearnerGroup.ALL, LearnerGroup.class).getResultList();
  }

  public List<GroupMember> members() {
    return em.createNamedQuery(GroupMember.ALL, GroupMember.class).getResultList();
  }

  public List<GroupMember> membersOf(Collection<String> groupIds) {
    if (groupIds.isEmpty()) {
      return List.of();
    }
    return em.createNamedQuery(GroupMember.OF_GROUPS, GroupMember.class)
        .setParameter("groupIds", List.copyOf(groupIds))
        .getResultList();
  }

  public List<GroupMember> membershipsOf(String userId) {
    return em.createNamedQuery(GroupMember.OF_USER, GroupMember.class)
        .setParameter("userId", userId)
        .getResultList();
  }

  public Optional<GroupMember> member(String groupId, String userId) {
    return em.createNamedQuery(GroupMember.ONE, GroupMember.class)
        .setParameter("groupId", groupId)
        .setParameter("userId", userId)
        .getResultStream()
        .findFirst();
  }

  public List<Assignment> assignments() {
    return em.createNamedQuery(Assignment.ALL, Assignment.class).getResultList();
  }

  public List<Assignment> assignments(Collection<String> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return em.createNamedQuery(Assignment.BY_IDS, Assignment.class)
        .setParameter("ids", List.copyOf(ids))
        .getResultList();
  }

  public List<AssignmentTarget> targets() {
    return em.createNamedQuery(AssignmentTarget.ALL, AssignmentTarget.class).getResultList();
  }

  public List<AssignmentTarget> targetsOf(Collection<String> assignmentIds) {
    if (assignmentIds.isEmpty()) {
      return List.of();
    }
    return em.createNamedQuery(AssignmentTarget.OF_ASSIGNMENTS, AssignmentTarget.class)
        .setParameter("assignmentIds", List.copyOf(assignmentIds))
        .getResultList();
  }

  /** Targets naming the person or one of the groups. */
  public List<AssignmentTarget> targetsOf(String userId, Collection<String> groupIds) {
    List<String> groups = groupIds.isEmpty() ? List.of("-") : List.copyOf(groupIds);
    return em.createNamedQuery(AssignmentTarget.OF_USER_OR_GROUPS, AssignmentTarget.class)
        .setParameter("userId", userId)
        .setParameter("groupIds", groups)
        .getResultList();
  }

  public List<AssignmentCycle> cyclesOf(Collection<String> assignmentIds) {
    if (assignmentIds.isEmpty()) {
      return List.of();
    }
    return em.createNamedQuery(AssignmentCycle.OF_ASSIGNMENTS, AssignmentCycle.class)
        .setParameter("assignmentIds", List.copyOf(assignmentIds))
        .getResultList();
  }

  public List<AssignmentCycle> cyclesOfUser(String userId) {
    return em.createNamedQuery(AssignmentCycle.OF_USER, AssignmentCycle.class)
        .setParameter("userId", userId)
        .getResultList();
  }

  /** Keys {@code assignment|user|cycle|kind} of the reminders sent in the tenant. */
  public Set<String> reminderKeys() {
    Set<String> keys = new HashSet<>();
    for (Object[] r :
        em.createNamedQuery(AssignmentReminder.ALL_KEYS, Object[].class).getResultList()) {
      keys.add(reminderKey((String) r[0], (String) r[1], (Integer) r[2], (String) r[3]));
    }
    return keys;
  }

  public static String reminderKey(String assignmentId, String userId, int cycle, String kind) {
    return assignmentId + "|" + userId + "|" + cycle + "|" + kind;
  }
}
