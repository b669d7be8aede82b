package io.kursfilm.video.boundary;

import io.kursfilm.kernel.Caller;
import io.kursfilm.kernel.Role;
import io.kursfilm.kernel.TenantScoped;
import io.kursfilm.video.control.VersionFinder;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/**
 * Who the trainers of a video are, for the components that attach things to videos (comments,
 * quizzes, results): a trainer who created the video or made one of its versions. One rule, asked
 * here, so review and quiz cannot drift apart on it.
 */
@Stateless
@TenantScoped
@RolesAllowed({Role.Names.TRAINER, Role.Names.CRITIC, Role.Names.TENANT_ADMIN, Role.Names.EMPLOYEE})
public class VideoTrainers {

  @Inject Caller caller;
  @Inject VersionFinder finder;

  /** Whether the caller is one of the video's trainers. */
  public boolean callerIsTrainerOf(String videoId) {
    return finder.isTrainerOf(videoId, caller.require());
  }

  /**
   * Whether the video exists in the tenant; refuses (403) when it does and the caller is not one of
   * its trainers.
   */
  @RolesAllowed(Role.Names.TRAINER)
  public boolean requireTrainerOf(String videoId) {
    if (finder.video(videoId).isEmpty()) {
      return false;
    }
    finder.requireTrainerOf(videoId, caller.require());
    return true;
  }
}
