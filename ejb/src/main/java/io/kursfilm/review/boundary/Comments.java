package io.kursfilm.review.boundary;

import io.kursfilm.audit.boundary.Action;
import io.kursfilm.audit.boundary.AuditEvent;
import io.kursfilm.audit.boundary.AuditLog;
import io.kursfilm.identity.boundary.DisplayNames;
import io.kursfilm.kernel.AuthenticatedCaller;
import io.kursfilm.kernel.Caller;
import io.kursfilm.kernel.ConflictException;
import io.kursfilm.kernel.Role;
import io.kursfilm.kernel.TenantScoped;
import io.kursfilm.review.control.ReviewRecords;
import io.kursfilm.review.entity.VideoComment;
import io.kursfilm.video.boundary.ReviewSubject;
import io.kursfilm.video.boundary.ReviewSubjects;
import io.kursfilm.video.boundary.VideoTrainers;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Timestamped comments on a video's versions, between its critics and its trainers: critics and the
 * video's own trainers write them on the newest version; they, and tenant admins, read all of them.
 * Employees never see them.
 */
@Stateless
@TenantScoped
@RolesAllowed({Role.Names.CRITIC, Role.Names.TRAINER, Role.Names.TENANT_ADMIN})
public class Comments {

  @Inject Caller caller;
  @Inject ReviewSubjects subjects;
  @Inject VideoTrainers trainers;
  @Inject ReviewRecords records;
  @Inject DisplayNames names;
  @Inject AuditLog audit;
  @Inject Clock clock;

  /** Comments on every version, oldest first; empty for no such video. */
  public Optional<List<CommentView>> list(String videoId) {
    if (subjects.newest(videoId).isEmpty()) {
      return Optional.empty();
    }
    requireCriticOrTrainerOf(videoId, true);
    List<VideoComment> comments = records.comments(videoId);
    Map<String, Integer> numbers = subjects.versionNumbers(videoId);
    Map<String, String> authors = names.of(comments.stream().map(VideoComment::authorId).toList());
    return Optional.of(
        comments.stream()
            .map(
                c ->
                    new CommentView(
                        c.id(),
                        numbers.getOrDefault(c.versionId(), 0),
                        c.atSecond().orElse(null),
                        c.text(),
                        c.authorId(),
                        authors.get(c.authorId()),
                        c.createdAt()))
            .toList());
  }

  /**
   * Comments on the newest version at {@code atSecond} (null: on the version as a whole); returns
   * its id, empty for no such video.
   *
   * @throws ConflictException when the version has no media to point into yet
   */
  @RolesAllowed({Role.Names.CRITIC, Role.Names.TRAINER})
  public Optional<String> add(String videoId, Integer atSecond, String text) {
    Optional<ReviewSubject> found = subjects.newest(videoId);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    requireCriticOrTrainerOf(videoId, false);
    ReviewSubject subject = found.get();
    if (atSecond != null && subject.durationSeconds() == null) {
      throw new ConflictException("version " + subject.version() + " is not transcoded yet");
    }
    VideoComment comment =
        new VideoComment(
            videoId,
            subject.versionId(),
            caller.require().userId(),
            atSecond,
            subject.durationSeconds(),
            text,
            clock.instant());
    records.add(comment);
    audit.recordInTransaction(
        AuditEvent.of(Action.VIDEO_COMMENTED)
            .subject("video", videoId)
            .detail("version", subject.version())
            .detail("comment", comment.id()));
    return Optional.of(comment.id());
  }

  private void requireCriticOrTrainerOf(String videoId, boolean adminToo) {
    AuthenticatedCaller who = caller.require();
    boolean allowed =
        who.has(Role.CRITIC)
            || (adminToo && who.has(Role.TENANT_ADMIN))
            || trainers.callerIsTrainerOf(videoId);
    if (!allowed) {
      throw new EJBAccessException("only the video's critics and trainers");
    }
  }
}
