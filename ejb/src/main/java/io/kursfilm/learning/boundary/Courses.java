package io.kursfilm.learning.boundary;

import io.kursfilm.kernel.Caller;
import io.kursfilm.kernel.ConflictException;
import io.kursfilm.kernel.FreeText;
import io.kursfilm.kernel.Role;
import io.kursfilm.kernel.TenantScoped;
import io.kursfilm.learning.control.LearningStore;
import io.kursfilm.learning.entity.Assignment;
import io.kursfilm.learning.entity.Course;
import io.kursfilm.video.boundary.VideoTitles;
import io.kursfilm.video.boundary.VideoView;
import io.kursfilm.video.boundary.Videos;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Courses: ordered playlists of the tenant's videos that trainers make, change and remove, and that
 * everybody of the tenant can see (employees see the titles of published videos only).
 */
@Stateless
@TenantScoped
@RolesAllowed({Role.Names.EMPLOYEE, Role.Names.TRAINER, Role.Names.CRITIC, Role.Names.TENANT_ADMIN})
public class Courses {

  static final int MAX_VIDEOS = 200;

  @Inject Caller caller;
  @Inject LearningStore store;
  @Inject Videos videos;
  @Inject VideoTitles published;
  @Inject Clock clock;

  public List<CourseView> list() {
    List<Course> courses = store.courses();
    Map<String, List<String>> order = store.videosOf(courses.stream().map(Course::id).toList());
    Map<String, VideoView> visible = visibleVideos();
    return courses.stream()
        .map(c -> view(c, order.getOrDefault(c.id(), List.of()), visible))
        .toList();
  }

  /** Empty for another tenant's or no course. */
  public Optional<CourseView> find(String id) {
    return store
        .find(Course.class, id)
        .map(
            c ->
                view(
                    c,
                    store.videosOf(List.of(c.id())).getOrDefault(c.id(), List.of()),
                    visibleVideos()));
  }

  @RolesAllowed(Role.Names.TRAINER)
  public CourseView create(NewCourse request) {
    List<String> videoIds = check(request);
    Course course =
        new Course(
            request.title(), request.description(), caller.require().userId(), clock.instant());
    store.addNow(course);
    store.order(course.id(), videoIds);
    return view(course, videoIds, visibleVideos());
  }

  /** Replaces title, description and the videos with their order; empty when not the tenant's. */
  @RolesAllowed(Role.Names.TRAINER)
  public Optional<CourseView> update(String id, NewCourse request) {
    List<String> videoIds = check(request);
    Optional<Course> found = store.find(Course.class, id);
    found.ifPresent(
        c -> {
          c.describe(request.title(), request.description());
          store.order(c.id(), videoIds);
        });
    return found.map(c -> view(c, videoIds, visibleVideos()));
  }

  /**
   * Removes a course that nobody is assigned; an assigned course stays (409), since removing it
   * would remove the proof of who completed it.
   */
  @RolesAllowed(Role.Names.TRAINER)
  public boolean delete(String id) {
    Optional<Course> found = store.find(Course.class, id);
    if (found.isEmpty()) {
      return false;
    }
    if (store.assignments().stream().map(Assignment::courseId).anyMatch(id::equals)) {
      throw new ConflictException("the course is assigned; withdraw its assignments first");
    }
    store.remove(found.get());
    return true;
  }

  private List<String> check(NewCourse request) {
    if (request == null) {
      throw new IllegalArgumentException("body required");
    }
    if (request.title() == null || request.title().isBlank()) {
      throw new IllegalArgumentException("title: required");
    }
    if (request.title().length() > 200) {
      throw new IllegalArgumentException("title: at most 200 characters");
    }
    FreeText.line("title", request.title());
    if (request.description() != null && request.description().length() > 5000) {
      throw new IllegalArgumentException("description: at most 5000 characters");
    }
    FreeText.multiLine("description", request.description());
    List<String> videoIds = request.videoIds() == null ? List.of() : request.videoIds();
    if (videoIds.size() > MAX_VIDEOS) {
      throw new IllegalArgumentException("videoIds: at most " + MAX_VIDEOS);
    }
    Set<String> seen = new HashSet<>();
    for (String videoId : videoIds) {
      if (videoId == null || !seen.add(videoId)) {
        throw new IllegalArgumentException("videoIds: each video once");
      }
      if (!published.exists(videoId)) {
        throw new IllegalArgumentException("videoIds: no video " + videoId + " here");
      }
    }
    return List.copyOf(videoIds);
  }

  /** The videos the caller may see, by id, in one read. */
  private Map<String, VideoView> visibleVideos() {
    Map<String, VideoView> byId = new HashMap<>();
    videos.list(Optional.empty()).forEach(v -> byId.put(v.id(), v));
    return byId;
  }

  private static CourseView view(Course c, List<String> videoIds, Map<String, VideoView> visible) {
    return new CourseView(
        c.id(),
        c.title(),
        c.description(),
        videoIds.stream()
            .map(
                v -> {
                  VideoView seen = visible.get(v);
                  return new CourseView.Video(
                      v,
                      seen == null ? null : seen.title(),
                      seen != null && seen.publishedVersion() != null);
                })
            .toList());
  }
}
