package io.kursfilm.learning.boundary;

import io.kursfilm.kernel.AuthenticatedCaller;
import io.kursfilm.kernel.Caller;
import io.kursfilm.kernel.Role;
import io.kursfilm.kernel.TenantScoped;
import io.kursfilm.learning.control.CompletionRule;
import io.kursfilm.learning.control.Completions;
import io.kursfilm.learning.control.Intervals;
import io.kursfilm.learning.control.ProgressStore;
import io.kursfilm.learning.control.ReportThrottle;
import io.kursfilm.learning.control.WatchedSegments;
import io.kursfilm.learning.entity.WatchProgress;
import io.kursfilm.quiz.boundary.Attempts;
import io.kursfilm.quiz.boundary.QuizPassed;
import io.kursfilm.quiz.boundary.QuizStatus;
import io.kursfilm.video.boundary.PublishedVideos;
import io.kursfilm.video.boundary.VideoQuizzes;
import io.kursfilm.video.boundary.VideoView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Watch progress of the caller: the player's reports of what was really played, the resume position
 * on every device, and completion once {@link CompletionRule} is met (recorded once, then the
 * watched segments start over). Anyone who may watch a published video reports; only employees take
 * quizzes, so a video with a quiz completes for employees only. Reports are not audited: a player
 * sends one every ten seconds, and they read no one else's data (docs).
 */
@Stateless
@TenantScoped
@RolesAllowed({Role.Names.TRAINER, Role.Names.CRITIC, Role.Names.TENANT_ADMIN, Role.Names.EMPLOYEE})
public class Progress {

  /** Intervals one report may carry (a player sends a handful every ten seconds). */
  static final int MAX_INTERVALS = 500;

  /** Seconds from the end within which a video is finished rather than to be continued. */
  static final double NEAR_END_SECONDS = 5;

  @Inject Caller caller;
  @Inject PublishedVideos videos;
  @Inject VideoQuizzes quizzes;
  @Inject Attempts attempts;
  @Inject ProgressStore store;
  @Inject Completions completions;
  @Inject ReportThrottle throttle;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "kursfilm.progress.max-reports-per-minute", defaultValue = "120")
  int maxPerMinute;

  /**
   * Adds the played {@code intervals} of the published video and the resume {@code position}; empty
   * when the video is not a published one of the tenant.
   *
   * @throws IllegalArgumentException bad intervals or position (nothing stored)
   * @throws TooManyReportsException beyond the limit per minute (nothing read or stored)
   */
  public Optional<ProgressView> report(
      String videoId, List<List<Double>> intervals, Double position) {
    AuthenticatedCaller who = caller.require();
    if (!throttle.allow(who.tenantId(), who.userId())) {
      throw new TooManyReportsException(maxPerMinute);
    }
    if (videoId == null || videoId.isBlank()) {
      throw new IllegalArgumentException("videoId: required");
    }
    Optional<VideoView> video = videos.find(videoId);
    if (video.isEmpty()) {
      return Optional.empty();
    }
    VideoView v = video.get();
    double duration = v.durationSeconds() == null ? 0 : v.durationSeconds();
    List<Intervals.Interval> played = Intervals.of(intervals, duration, MAX_INTERVALS);
    if (position != null
        && (!Double.isFinite(position) || position < 0 || position > duration + 1)) {
      throw new IllegalArgumentException("position: seconds from 0 to the end of the video");
    }
    Instant now = clock.instant();
    WatchProgress row = store.findOrCreate(who.userId(), videoId, v.version(), segments(v), now);
    if (row.videoVersion() != v.version()) {
      row.startOver(v.version(), segments(v), now);
    }
    WatchedSegments watched = ProgressStore.segments(row).mark(played, duration);
    row.watched(watched.encoded(), position == null ? null : Math.min(position, duration), now);
    completeIfDue(row, v, watched.share(), now);
    return Optional.of(view(v, Optional.of(row)));
  }

  /** Where the caller stands with the published video; empty when it is not one. */
  public Optional<ProgressView> of(String videoId) {
    return videos.find(videoId).map(v -> view(v, store.find(me(), videoId, LockModeType.NONE)));
  }

  /**
   * The caller's progress with published videos, most recently watched first; {@code continueOnly}:
   * only those started since the last completion and not watched to the end.
   */
  public List<ProgressView> mine(boolean continueOnly) {
    Map<String, VideoView> published =
        videos.list().stream().collect(Collectors.toMap(VideoView::id, Function.identity()));
    List<WatchProgress> rows =
        store.ofUser(me()).stream().filter(r -> published.containsKey(r.videoId())).toList();
    Map<String, Instant> done =
        completions.latest(Set.of(me()), published.keySet()).getOrDefault(me(), Map.of());
    return rows.stream()
        .filter(r -> r.videoVersion() == published.get(r.videoId()).version())
        .map(r -> view(published.get(r.videoId()), r, done.get(r.videoId())))
        .filter(p -> !continueOnly || startedNotFinished(p))
        .toList();
  }

  /**
   * Records the completion when the quiz of a video is passed after it was watched: the rule is
   * checked again, now with the quiz passed. Observed in the transaction of the passing attempt
   * (the caller is the employee who passed), so the quiz component knows nothing of learning.
   */
  public void quizPassed(@Observes QuizPassed passed) {
    Optional<VideoView> video = videos.find(passed.videoId());
    Optional<WatchProgress> row =
        store.find(passed.userId(), passed.videoId(), LockModeType.PESSIMISTIC_WRITE);
    if (video.isPresent() && row.isPresent() && row.get().videoVersion() == video.get().version()) {
      completeIfDue(
          row.get(), video.get(), ProgressStore.segments(row.get()).share(), clock.instant());
    }
  }

  private void completeIfDue(WatchProgress row, VideoView v, double share, Instant now) {
    if (share < CompletionRule.WATCHED_SHARE) {
      return; // the common case: no quiz status to read
    }
    boolean hasQuiz = quizzes.publishedQuiz(v.id()).isPresent();
    boolean passed =
        hasQuiz
            && caller.require().has(Role.EMPLOYEE)
            && attempts.statusOfVideos(List.of(v.id())).get(v.id()) == QuizStatus.PASSED;
    if (CompletionRule.completes(share, hasQuiz, passed)) {
      completions.record(row.userId(), v.id(), v.version(), now);
      row.startOver(v.version(), segments(v), now);
    }
  }

  private ProgressView view(VideoView v, Optional<WatchProgress> row) {
    Instant done =
        completions.latest(Set.of(me()), Set.of(v.id())).getOrDefault(me(), Map.of()).get(v.id());
    return view(v, row.filter(r -> r.videoVersion() == v.version()).orElse(null), done);
  }

  private static ProgressView view(VideoView v, WatchProgress row, Instant completedAt) {
    double share = row == null ? 0 : ProgressStore.segments(row).share();
    return new ProgressView(
        v.id(),
        v.title(),
        v.durationSeconds(),
        Math.floor(share * 1000) / 1000,
        completedAt != null,
        completedAt,
        row == null ? 0 : row.position(),
        row == null ? null : row.updatedAt());
  }

  private static boolean startedNotFinished(ProgressView p) {
    long duration = p.durationSeconds() == null ? 0 : p.durationSeconds();
    return p.watchedShare() > 0 && p.position() < duration - NEAR_END_SECONDS;
  }

  private static int segments(VideoView v) {
    return WatchedSegments.none(v.durationSeconds() == null ? 0 : v.durationSeconds()).count();
  }

  private String me() {
    return caller.require().userId();
  }
}
