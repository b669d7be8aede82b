package io.kursfilm.learning.boundary;

import io.kursfilm.kernel.TenantFilter;
import io.kursfilm.learning.control.WatchedSegments;
import io.kursfilm.learning.entity.Assignment;
import io.kursfilm.learning.entity.AssignmentCycle;
import io.kursfilm.learning.entity.AssignmentTarget;
import io.kursfilm.learning.entity.Course;
import io.kursfilm.learning.entity.CourseVideo;
import io.kursfilm.learning.entity.GroupMember;
import io.kursfilm.learning.entity.LearnerGroup;
import io.kursfilm.learning.entity.VideoCompleted;
import io.kursfilm.learning.entity.WatchProgress;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The tenant's learning data for its offboarding export ({@code learning.json}): courses with their
 * videos in order, groups with their members, assignments with their targets and each person's
 * cycles, every completion, and each person's watch progress (share and resume position). People by
 * id (the export's users file names them); certificates have their own file. Called only by the
 * export job, which runs without a caller: the tenant is bound from the argument.
 */
@Stateless
public class LearningArchive {

  @PersistenceContext(unitName = "kursfilm")
  EntityManager em;

  @Inject TenantFilter filter;

  public byte[] json(String tenantId) {
    filter.bind(tenantId);
    return Json.createObjectBuilder()
        .add("courses", courses())
        .add("groups", groups())
        .add("assignments", assignments())
        .add("completions", completions())
        .add("progress", progress())
        .build()
        .toString()
        .getBytes(StandardCharsets.UTF_8);
  }

  private JsonArrayBuilder courses() {
    Map<String, List<String>> videos =
        all("select v from CourseVideo v order by v.courseId, v.position", CourseVideo.class)
            .stream()
            .collect(
                Collectors.groupingBy(
                    CourseVideo::courseId,
                    Collectors.mapping(CourseVideo::videoId, Collectors.toList())));
    return array(
        all("select c from Course c order by c.createdAt, c.id", Course.class),
        c ->
            Json.createObjectBuilder()
                .add("id", c.id())
                .add("title", c.title())
                .add("description", text(c.description()))
                .add("createdBy", text(c.createdBy()))
                .add("createdAt", time(c.createdAt()))
                .add("videoIds", Json.createArrayBuilder(videos.getOrDefault(c.id(), List.of()))));
  }

  private JsonArrayBuilder groups() {
    Map<String, List<String>> members =
        all("select m from GroupMember m order by m.groupId, m.userId", GroupMember.class).stream()
            .collect(
                Collectors.groupingBy(
                    GroupMember::groupId,
                    Collectors.mapping(GroupMember::userId, Collectors.toList())));
    return array(
        all("select g from LearnerGroup g order by g.createdAt, g.id", LearnerGroup.class),
        g ->
            Json.createObjectBuilder()
                .add("id", g.id())
                .add("name", g.name())
                .add("createdAt", time(g.createdAt()))
                .add(
                    "memberIds", Json.createArrayBuilder(members.getOrDefault(g.id(), List.of()))));
  }

  private JsonArrayBuilder assignments() {
    Map<String, List<AssignmentTarget>> targets =
        all("select t from AssignmentTarget t", AssignmentTarget.class).stream()
            .collect(Collectors.groupingBy(AssignmentTarget::assignmentId));
    Map<String, List<AssignmentCycle>> cycles =
        all(
                "select c from AssignmentCycle c order by c.assignmentId, c.userId, c.number",
                AssignmentCycle.class)
            .stream()
            .collect(Collectors.groupingBy(AssignmentCycle::assignmentId));
    return array(
        all("select a from Assignment a order by a.createdAt, a.id", Assignment.class),
        a ->
            Json.createObjectBuilder()
                .add("id", a.id())
                .add("videoId", text(a.videoId()))
                .add("courseId", text(a.courseId()))
                .add("dueDate", time(a.dueDate()))
                .add("recurrence", text(a.recurrence()))
                .add("createdBy", text(a.createdBy()))
                .add("createdAt", time(a.createdAt()))
                .add(
                    "userIds",
                    Json.createArrayBuilder(
                        targets.getOrDefault(a.id(), List.of()).stream()
                            .map(AssignmentTarget::userId)
                            .filter(u -> u != null)
                            .sorted()
                            .toList()))
                .add(
                    "groupIds",
                    Json.createArrayBuilder(
                        targets.getOrDefault(a.id(), List.of()).stream()
                            .map(AssignmentTarget::groupId)
                            .filter(g -> g != null)
                            .sorted()
                            .toList()))
                .add("cycles", array(cycles.getOrDefault(a.id(), List.of()), this::cycle)));
  }

  private JsonObjectBuilder cycle(AssignmentCycle c) {
    return Json.createObjectBuilder()
        .add("userId", c.userId())
        .add("number", c.number())
        .add("startsAt", time(c.startsAt()))
        .add("dueDate", time(c.dueDate()))
        .add("completedAt", time(c.completedAt()));
  }

  private JsonArrayBuilder completions() {
    return array(
        all("select c from VideoCompleted c order by c.completedAt, c.id", VideoCompleted.class),
        c ->
            Json.createObjectBuilder()
                .add("userId", c.userId())
                .add("videoId", c.videoId())
                .add("videoVersion", c.videoVersion())
                .add("completedAt", time(c.completedAt())));
  }

  private JsonArrayBuilder progress() {
    return array(
        all("select p from WatchProgress p order by p.userId, p.videoId", WatchProgress.class),
        p ->
            Json.createObjectBuilder()
                .add("userId", p.userId())
                .add("videoId", p.videoId())
                .add("videoVersion", p.videoVersion())
                .add("watchedShare", WatchedSegments.decode(p.segmentCount(), p.segments()).share())
                .add("position", p.position())
                .add("updatedAt", time(p.updatedAt())));
  }

  private static double share(WatchProgress p) {
    return p.segmentCount() <= 0
        ? 0
        : WatchedSegments.decode(p.segmentCount(), p.segments()).share();
  }

  private <T> List<T> all(String query, Class<T> type) {
    return em.createQuery(query, type).getResultList();
  }

  private static <T> JsonArrayBuilder array(List<T> rows, Function<T, JsonObjectBuilder> json) {
    JsonArrayBuilder array = Json.createArrayBuilder();
    rows.forEach(r -> array.add(json.apply(r)));
    return array;
  }

  private static String text(String value) {
    return value == null ? "" : value;
  }

  private static String time(Temporal value) {
    return value == null ? "" : value.toString();
  }
}
