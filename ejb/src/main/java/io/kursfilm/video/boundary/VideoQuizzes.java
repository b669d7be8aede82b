package io.kursfilm.video.boundary;

import io.kursfilm.kernel.AuthenticatedCaller;
import io.kursfilm.kernel.Caller;
import io.kursfilm.kernel.Role;
import io.kursfilm.kernel.TenantScoped;
import io.kursfilm.video.control.VersionChanges;
import io.kursfilm.video.control.VersionFinder;
import io.kursfilm.video.entity.VideoVersion;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Which quiz goes with which version of a video, for the quiz component: a new quiz is carried by
 * the newest version (in place before review, else by a new version that goes back to review while
 * the published one keeps its approved quiz), and employees take the published version's quiz.
 */
@Stateless
@TenantScoped
@RolesAllowed({Role.Names.TRAINER, Role.Names.CRITIC, Role.Names.TENANT_ADMIN, Role.Names.EMPLOYEE})
public class VideoQuizzes {

  @Inject Caller caller;
  @Inject VersionFinder finder;
  @Inject VersionChanges changes;

  /**
   * Lets the newest version carry {@code quizId}; returns that version's number. Only the video's
   * trainers.
   */
  @RolesAllowed(Role.Names.TRAINER)
  public Optional<Integer> carry(String videoId, String quizId) {
    Optional<VideoVersion> latest = finder.latest(videoId, LockModeType.PESSIMISTIC_WRITE);
    return latest.map(
        v -> {
          AuthenticatedCaller who = caller.require();
          finder.requireTrainerOf(videoId, who);
          VideoVersion target = changes.target(v, who.userId(), null, null).version();
          target.carryQuiz(quizId);
          return target.number();
        });
  }

  /** How long the newest version runs, for questions asked during it; empty until transcoded. */
  @RolesAllowed(Role.Names.TRAINER)
  public Optional<Long> newestSeconds(String videoId) {
    return finder
        .latest(videoId, LockModeType.NONE)
        .flatMap(v -> v.duration().map(d -> d.toSeconds()));
  }

  /** Whether the video is one of the caller's tenant (trainers, critics, admins). */
  @RolesAllowed({Role.Names.TRAINER, Role.Names.CRITIC, Role.Names.TENANT_ADMIN})
  public boolean exists(String videoId) {
    return finder.latest(videoId, LockModeType.NONE).isPresent();
  }

  /** The quiz of the newest version (trainers, critics, admins): what is being reviewed. */
  @RolesAllowed({Role.Names.TRAINER, Role.Names.CRITIC, Role.Names.TENANT_ADMIN})
  public Optional<String> newestQuiz(String videoId) {
    return finder.latest(videoId, LockModeType.NONE).flatMap(VideoVersion::quizId);
  }

  /**
   * The quizzes of the published versions of {@code videoIds}, by video id (videos without one are
   * missing), read at once for lists.
   */
  public Map<String, String> publishedQuizzes(Collection<String> videoIds) {
    return finder.publishedQuizzes(videoIds);
  }

  /** The quiz of the published version: the one employees take; empty when none is published. */
  public Optional<String> publishedQuiz(String videoId) {
    return finder.video(videoId).flatMap(finder::published).flatMap(VideoVersion::quizId);
  }
}
