package io.kursfilm.learning.control;

import io.kursfilm.learning.entity.Assignment;
import io.kursfilm.learning.entity.AssignmentCycle;
import io.kursfilm.learning.entity.AssignmentTarget;
import io.kursfilm.learning.entity.GroupMember;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Works out each person's current cycle of each assignment: who it is for (its people, and the
 * members of its groups now), the settled cycles, and the completions of the subject's videos, read
 * in a fixed number of queries whatever the number of people.
 */
@Dependent
public class AssignmentBook {

  @Inject LearningStore store;
  @Inject Completions completions;

  /**
   * One person's current cycle of one assignment.
   *
   * @param row the settled cycle, null while the person is in cycle 1 without one
   * @param completedAt when it was completed, recorded or computed from completions; null if not
   * @param recorded whether the completion is already written down (the row says so)
   */
  public record PersonCycle(
      Assignment assignment,
      String userId,
      int number,
      Instant startsAt,
      LocalDate due,
      Instant completedAt,
      AssignmentCycle row,
      boolean recorded,
      List<String> videoIds,
      CycleRules.State state) {}

  /** The current cycles of the person's assignments (direct or through a group). */
  public List<PersonCycle> ofPerson(String userId, LocalDate today) {
    List<GroupMember> memberships = store.membershipsOf(userId);
    Set<String> groupIds = new HashSet<>();
    memberships.forEach(m -> groupIds.add(m.groupId()));
    List<AssignmentTarget> targets = store.targetsOf(userId, groupIds);
    Set<String> ids = new HashSet<>();
    targets.forEach(t -> ids.add(t.assignmentId()));
    List<Assignment> assignments = store.assignments(ids);
    List<AssignmentCycle> cycles =
        store.cyclesOfUser(userId).stream().filter(c -> ids.contains(c.assignmentId())).toList();
    return compute(assignments, targets, memberships, cycles, userId::equals, today);
  }

  /** The current cycles of every person of every assignment of the tenant. */
  public List<PersonCycle> ofTenant(LocalDate today) {
    List<Assignment> assignments = store.assignments();
    List<String> ids = assignments.stream().map(Assignment::id).toList();
    return compute(
        assignments, store.targets(), store.members(), store.cyclesOf(ids), u -> true, today);
  }

  /** The current cycles of the people of these assignments. */
  public List<PersonCycle> of(List<Assignment> assignments, LocalDate today) {
    List<String> ids = assignments.stream().map(Assignment::id).toList();
    List<AssignmentTarget> targets = store.targetsOf(ids);
    Set<String> groupIds = new HashSet<>();
    targets.stream().filter(t -> t.groupId() != null).forEach(t -> groupIds.add(t.groupId()));
    return compute(
        assignments, targets, store.membersOf(groupIds), store.cyclesOf(ids), u -> true, today);
  }

  /** Video ids of each subject: the video itself, or the course's videos in order. */
  public Map<String, List<String>> subjectVideos(List<Assignment> assignments) {
    Set<String> courseIds = new HashSet<>();
    assignments.stream()
        .filter(a -> a.courseId() != null)
        .forEach(a -> courseIds.add(a.courseId()));
    Map<String, List<String>> courseVideos = store.videosOf(courseIds);
    Map<String, List<String>> videos = new HashMap<>();
    for (Assignment a : assignments) {
      videos.put(
          a.id(),
          a.videoId() != null
              ? List.of(a.videoId())
              : courseVideos.getOrDefault(a.courseId(), List.of()));
    }
    return videos;
  }

  private List<PersonCycle> compute(
      List<Assignment> assignments,
      List<AssignmentTarget> targets,
      List<GroupMember> members,
      List<AssignmentCycle> cycles,
      Predicate<String> people,
      LocalDate today) {
    Map<String, Map<String, Instant>> personsOf = persons(targets, members, people);
    Map<String, List<String>> videos = subjectVideos(assignments);
    Set<String> allUsers = new HashSet<>();
    personsOf.values().forEach(p -> allUsers.addAll(p.keySet()));
    Set<String> allVideos = new HashSet<>();
    videos.values().forEach(allVideos::addAll);
    Map<String, Map<String, Instant>> latest = completions.latest(allUsers, allVideos);
    Map<String, AssignmentCycle> newest = new HashMap<>();
    for (AssignmentCycle c : cycles) {
      newest.merge(
          c.assignmentId() + "|" + c.userId(), c, (a, b) -> a.number() >= b.number() ? a : b);
    }
    List<PersonCycle> result = new ArrayList<>();
    for (Assignment a : assignments) {
      for (Map.Entry<String, Instant> person :
          personsOf.getOrDefault(a.id(), Map.of()).entrySet()) {
        String userId = person.getKey();
        AssignmentCycle row = newest.get(a.id() + "|" + userId);
        List<String> subject = videos.get(a.id());
        Map<String, Instant> own = latest.getOrDefault(userId, Map.of());
        result.add(cycle(a, userId, person.getValue(), row, subject, own, today));
      }
    }
    return result;
  }

  private static PersonCycle cycle(
      Assignment a,
      String userId,
      Instant joinedAt,
      AssignmentCycle row,
      List<String> subject,
      Map<String, Instant> latest,
      LocalDate today) {
    int number;
    Instant start;
    LocalDate due;
    if (row == null) {
      number = 1;
      start = a.createdAt();
      due =
          CycleDates.firstDue(
              a.dueDate(), date(a.createdAt()), joinedAt == null ? null : date(joinedAt));
    } else {
      number = row.number();
      start = row.startsAt();
      due = row.dueDate();
    }
    boolean recorded = row != null && row.completedAt() != null;
    Instant completedAt =
        recorded ? row.completedAt() : CycleRules.completedAt(subject, latest, start);
    return new PersonCycle(
        a,
        userId,
        number,
        start,
        due,
        completedAt,
        row,
        recorded,
        subject,
        CycleRules.state(due, completedAt, today));
  }

  /**
   * The people of each assignment with the moment they joined the group it reached them through
   * (null when it names them, or reached them before it was made: they count from its creation).
   */
  private static Map<String, Map<String, Instant>> persons(
      List<AssignmentTarget> targets, List<GroupMember> members, Predicate<String> people) {
    Map<String, List<GroupMember>> byGroup = new HashMap<>();
    members.forEach(m -> byGroup.computeIfAbsent(m.groupId(), g -> new ArrayList<>()).add(m));
    Map<String, Map<String, Instant>> persons = new LinkedHashMap<>();
    for (AssignmentTarget t : targets) {
      Map<String, Instant> of = persons.computeIfAbsent(t.assignmentId(), a -> new HashMap<>());
      if (t.userId() != null) {
        if (people.test(t.userId())) {
          of.put(t.userId(), null);
        }
        continue;
      }
      for (GroupMember m : byGroup.getOrDefault(t.groupId(), List.of())) {
        if (people.test(m.userId())
            && (!of.containsKey(m.userId()) || of.get(m.userId()) != null)) {
          of.merge(m.userId(), m.joinedAt(), (x, y) -> x.isBefore(y) ? x : y);
        }
      }
    }
    return persons;
  }

  /** Dates of the cycle rules are UTC days, the same for every node. */
  public static LocalDate date(Instant instant) {
    return LocalDate.ofInstant(instant, ZoneOffset.UTC);
  }
}
