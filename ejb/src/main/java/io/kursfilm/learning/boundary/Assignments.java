package io.kursfilm.learning.boundary;

import io.kursfilm.audit.boundary.Action;
import io.kursfilm.audit.boundary.AuditEvent;
import io.kursfilm.audit.boundary.AuditLog;
import io.kursfilm.identity.boundary.Colleagues;
import io.kursfilm.kernel.AuthenticatedCaller;
import io.kursfilm.kernel.Caller;
import io.kursfilm.kernel.ConflictException;
import io.kursfilm.kernel.Role;
import io.kursfilm.kernel.TenantScoped;
import io.kursfilm.learning.control.AssignmentBook;
import io.kursfilm.learning.control.AssignmentBook.PersonCycle;
import io.kursfilm.learning.control.CycleDates;
import io.kursfilm.learning.control.CycleRules;
import io.kursfilm.learning.control.LearningStore;
import io.kursfilm.learning.entity.Assignment;
import io.kursfilm.learning.entity.AssignmentCycle;
import io.kursfilm.learning.entity.AssignmentTarget;
import io.kursfilm.learning.entity.Course;
import io.kursfilm.learning.entity.LearnerGroup;
import io.kursfilm.video.boundary.VideoTitles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Assignments of videos and courses to people and groups with due dates: trainers and tenant admins
 * make and withdraw them (audited) and see every person's state; everybody sees their own. Group
 * assignments reach the group's members at any time, including people who join later (with the same
 * lead time from the day they join); deactivated people drop out of the open and overdue lists,
 * their completions stay.
 */
@Stateless
@TenantScoped
@RolesAllowed({Role.Names.TRAINER, Role.Names.TENANT_ADMIN})
public class Assignments {

  static final int MAX_TARGETS = 10_000;

  @Inject Caller caller;
  @Inject LearningStore store;
  @Inject AssignmentBook book;
  @Inject Colleagues colleagues;
  @Inject VideoTitles videos;
  @Inject AuditLog audit;
  @Inject Clock clock;

  /**
   * Assigns after checking everything, so a refusal stores nothing: a due date not in the past, a
   * published video or a course whose videos are all published, people who are active users and
   * groups of the caller's tenant (any other id is refused as unknown).
   *
   * @return the new assignment's id
   */
  public String create(NewAssignment request) {
    if (request == null) {
      throw new IllegalArgumentException("body required");
    }
    LocalDate due = dueDate(request.dueDate());
    if (due.isBefore(today())) {
      throw new IllegalArgumentException("dueDate: must not be in the past");
    }
    Period recurrence = CycleDates.recurrence(request.recurrence());
    checkSubject(request.videoId(), request.courseId());
    List<String> userIds = distinct("userIds", request.userIds());
    List<String> groupIds = distinct("groupIds", request.groupIds());
    if (userIds.isEmpty() && groupIds.isEmpty()) {
      throw new IllegalArgumentException("userIds or groupIds: at least one person or group");
    }
    Set<String> active = colleagues.active(userIds);
    for (String userId : userIds) {
      if (!active.contains(userId)) {
        throw new IllegalArgumentException("userIds: no active user " + userId + " here");
      }
    }
    for (String groupId : groupIds) {
      if (store.find(LearnerGroup.class, groupId).isEmpty()) {
        throw new IllegalArgumentException("groupIds: no group " + groupId + " here");
      }
    }
    AuthenticatedCaller who = caller.require();
    Assignment assignment =
        new Assignment(
            request.videoId(),
            request.courseId(),
            due,
            recurrence == null ? null : recurrence.toString(),
            who.userId(),
            clock.instant());
    store.addNow(assignment);
    userIds.forEach(u -> store.add(AssignmentTarget.person(assignment.id(), u)));
    groupIds.forEach(g -> store.add(AssignmentTarget.group(assignment.id(), g)));
    audit.recordInTransaction(
        AuditEvent.of(Action.ASSIGNMENT_CREATED)
            .subject("assignment", assignment.id())
            .detail(request.videoId() != null ? "video" : "course", subject(assignment))
            .detail("dueDate", due.toString())
            .detail("recurrence", String.valueOf(assignment.recurrence()))
            .detail("people", userIds.size())
            .detail("groups", groupIds.size()));
    return assignment.id();
  }

  /** Withdraws an assignment with its cycles and reminders; false when it is not the tenant's. */
  public boolean delete(String id) {
    Optional<Assignment> found = store.find(Assignment.class, id);
    found.ifPresent(
        a -> {
          store.remove(a);
          audit.recordInTransaction(
              AuditEvent.of(Action.ASSIGNMENT_DELETED)
                  .subject("assignment", a.id())
                  .detail(a.videoId() != null ? "video" : "course", subject(a)));
        });
    return found.isPresent();
  }

  /**
   * The active employees of the tenant, to pick whom to assign: a read of personal data (names and
   * addresses), audited.
   */
  public List<Assignee> people() {
    List<Assignee> people =
        colleagues.activeWith(Role.EMPLOYEE).stream()
            .map(c -> new Assignee(c.id(), c.name(), c.email()))
            .toList();
    audit.record(
        AuditEvent.of(Action.PARTICIPANTS_READ)
            .subject("assignable-people", null)
            .detail("count", people.size()));
    return people;
  }

  /**
   * The REST list: trainers and tenant admins get the tenant's (unless they ask for their own),
   * everybody else their own; {@code overdueOnly} keeps the overdue ones.
   */
  @RolesAllowed({
    Role.Names.EMPLOYEE,
    Role.Names.TRAINER,
    Role.Names.CRITIC,
    Role.Names.TENANT_ADMIN
  })
  public List<AssignmentView> list(boolean overdueOnly, boolean mine) {
    AuthenticatedCaller who = caller.require();
    if (!mine && (who.has(Role.TRAINER) || who.has(Role.TENANT_ADMIN))) {
      return ofTenant(overdueOnly);
    }
    return mine().stream().filter(v -> !overdueOnly || v.isOverdue()).toList();
  }

  /** The caller's own assignments, current cycle each, soonest due first. */
  @RolesAllowed({
    Role.Names.EMPLOYEE,
    Role.Names.TRAINER,
    Role.Names.CRITIC,
    Role.Names.TENANT_ADMIN
  })
  public List<AssignmentView> mine() {
    List<PersonCycle> cycles = book.ofPerson(caller.require().userId(), today());
    return views(cycles, Map.of(), false);
  }

  /**
   * Every person's current cycle of every assignment of the tenant (only the overdue ones when
   * asked), with names: a read of personal data, audited. Deactivated people appear only with what
   * they completed.
   */
  public List<AssignmentView> ofTenant(boolean overdueOnly) {
    List<PersonCycle> cycles = book.ofTenant(today());
    Set<String> people = new HashSet<>();
    cycles.forEach(c -> people.add(c.userId()));
    Set<String> active = colleagues.active(people);
    List<PersonCycle> shown =
        cycles.stream()
            .filter(c -> active.contains(c.userId()) || c.state() == CycleRules.State.COMPLETED)
            .filter(c -> !overdueOnly || c.state() == CycleRules.State.OVERDUE)
            .toList();
    Set<String> shownPeople = new HashSet<>();
    shown.forEach(c -> shownPeople.add(c.userId()));
    List<AssignmentView> views = views(shown, colleagues.displayNames(shownPeople), true);
    audit.record(
        AuditEvent.of(Action.ASSIGNMENTS_READ)
            .subject("assignments", null)
            .detail("overdueOnly", overdueOnly)
            .detail("count", views.size()));
    return views;
  }

  /**
   * The completed cycles of {@code userId}: for the person themself, and for trainers and tenant
   * admins of the tenant; empty for anybody else. Certificates are issued for these.
   */
  @RolesAllowed({
    Role.Names.EMPLOYEE,
    Role.Names.TRAINER,
    Role.Names.CRITIC,
    Role.Names.TENANT_ADMIN
  })
  public List<CompletedAssignment> completedOf(String userId) {
    AuthenticatedCaller who = caller.require();
    if (userId == null
        || !(who.userId().equals(userId) || who.has(Role.TRAINER) || who.has(Role.TENANT_ADMIN))) {
      return List.of();
    }
    List<PersonCycle> current = book.ofPerson(userId, today());
    List<CompletedAssignment> done = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    Map<String, Assignment> assignments = new java.util.HashMap<>();
    current.forEach(c -> assignments.put(c.assignment().id(), c.assignment()));
    List<AssignmentCycle> rows = store.cyclesOfUser(userId);
    // Completed cycles stay proof after the person left the group the assignment reached them by.
    Set<String> settled = new HashSet<>();
    rows.forEach(r -> settled.add(r.assignmentId()));
    settled.removeAll(assignments.keySet());
    store.assignments(settled).forEach(a -> assignments.put(a.id(), a));
    Titles titles = titles(assignments.values());
    for (AssignmentCycle row : rows) {
      Assignment a = assignments.get(row.assignmentId());
      if (row.completedAt() != null && a != null) {
        seen.add(a.id() + ":" + row.number());
        done.add(completed(a, userId, row.number(), row.completedAt(), titles));
      }
    }
    for (PersonCycle c : current) {
      if (c.completedAt() != null && !seen.contains(c.assignment().id() + ":" + c.number())) {
        done.add(completed(c.assignment(), userId, c.number(), c.completedAt(), titles));
      }
    }
    done.sort(Comparator.comparing(CompletedAssignment::completedAt));
    return done;
  }

  private static CompletedAssignment completed(
      Assignment a, String userId, int number, java.time.Instant at, Titles titles) {
    return new CompletedAssignment(
        a.id(),
        a.id() + ":" + userId + ":" + number,
        number,
        userId,
        a.videoId() != null ? "VIDEO" : "COURSE",
        subject(a),
        titles.of(a),
        at);
  }

  private List<AssignmentView> views(
      List<PersonCycle> cycles, Map<String, String> names, boolean withPeople) {
    Set<Assignment> assignments = new LinkedHashSet<>();
    cycles.forEach(c -> assignments.add(c.assignment()));
    Titles titles = titles(assignments);
    return cycles.stream()
        .sorted(
            Comparator.comparing(PersonCycle::due)
                .thenComparing(c -> c.assignment().id())
                .thenComparing(PersonCycle::userId))
        .map(
            c ->
                new AssignmentView(
                    c.assignment().id(),
                    c.assignment().videoId(),
                    c.assignment().courseId(),
                    titles.of(c.assignment()),
                    c.due().toString(),
                    c.state().name(),
                    c.completedAt() == null ? null : c.completedAt().toString(),
                    c.assignment().recurrence(),
                    c.number(),
                    withPeople ? c.userId() : null,
                    withPeople ? names.get(c.userId()) : null))
        .toList();
  }

  /** Titles of the subjects: published videos' as employees see them, courses' opened. */
  record Titles(Map<String, String> videos, Map<String, String> courses) {
    String of(Assignment a) {
      return a.videoId() != null ? videos.get(a.videoId()) : courses.get(a.courseId());
    }
  }

  private Titles titles(java.util.Collection<Assignment> assignments) {
    Set<String> videoIds = new HashSet<>();
    Set<String> courseIds = new HashSet<>();
    for (Assignment a : assignments) {
      if (a.videoId() != null) {
        videoIds.add(a.videoId());
      } else {
        courseIds.add(a.courseId());
      }
    }
    Map<String, String> courses = new java.util.HashMap<>();
    store.courses(courseIds).forEach(c -> courses.put(c.id(), c.title()));
    return new Titles(videos.titles(videoIds), courses);
  }

  private void checkSubject(String videoId, String courseId) {
    if ((videoId == null) == (courseId == null)) {
      throw new IllegalArgumentException("exactly one of videoId and courseId required");
    }
    if (videoId != null) {
      if (!videos.titles(List.of(videoId)).containsKey(videoId)) {
        if (videos.exists(videoId)) {
          throw new ConflictException("the video is not published; only published videos");
        }
        throw new IllegalArgumentException("videoId: no video " + videoId + " here");
      }
      return;
    }
    Course course =
        store
            .find(Course.class, courseId)
            .orElseThrow(() -> new IllegalArgumentException("courseId: no course here"));
    List<String> courseVideos =
        store.videosOf(List.of(course.id())).getOrDefault(course.id(), List.of());
    if (courseVideos.isEmpty()) {
      throw new ConflictException("the course has no videos yet");
    }
    if (videos.titles(courseVideos).size() < new HashSet<>(courseVideos).size()) {
      throw new ConflictException("the course has videos that are not published");
    }
  }

  private static LocalDate dueDate(String text) {
    if (text == null) {
      throw new IllegalArgumentException("dueDate: required (YYYY-MM-DD)");
    }
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("dueDate: YYYY-MM-DD expected");
    }
  }

  private static List<String> distinct(String field, List<String> ids) {
    if (ids == null) {
      return List.of();
    }
    if (ids.size() > MAX_TARGETS) {
      throw new IllegalArgumentException(field + ": at most " + MAX_TARGETS);
    }
    if (ids.stream().anyMatch(id -> id == null || id.isBlank())) {
      throw new IllegalArgumentException(field + ": empty id");
    }
    return ids.stream().distinct().toList();
  }

  private static String subject(Assignment a) {
    return a.videoId() != null ? a.videoId() : a.courseId();
  }

  private LocalDate today() {
    return AssignmentBook.date(clock.instant());
  }
}
