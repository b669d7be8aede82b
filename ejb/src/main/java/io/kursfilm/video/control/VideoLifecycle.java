package io.kursfilm.video.control;

import io.kursfilm.audit.boundary.Action;
import io.kursfilm.audit.boundary.AuditEvent;
import io.kursfilm.audit.boundary.AuditLog;
import io.kursfilm.kernel.TenantContext;
import io.kursfilm.video.boundary.VideoState;
import io.kursfilm.video.boundary.VideoTransitioned;
import io.kursfilm.video.entity.Video;
import io.kursfilm.video.entity.VideoTransition;
import io.kursfilm.video.entity.VideoVersion;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;

/**
 * Moves versions along the lifecycle table and nothing else does: every move is audited in the same
 * transaction (who, from, to, version, comment) and announced as a {@link VideoTransitioned} event.
 * Publishing a version supersedes the one employees saw before; archiving takes the video off the
 * portal. Callers have checked who may trigger the move.
 */
@Dependent
public class VideoLifecycle {

  @PersistenceContext(unitName = "kursfilm")
  EntityManager em;

  @Inject AuditLog audit;
  @Inject TenantContext tenant;
  @Inject Clock clock;
  @Inject Event<VideoTransitioned> transitioned;

  /**
   * Applies {@code transition} to {@code version}.
   *
   * @param actorId the user who triggered it; {@code null} for the transcode job
   * @param commentId the comment that explains it, if any
   * @throws io.kursfilm.kernel.ConflictException when the table has no such row from the state the
   *     version is in
   */
  public VideoState apply(
      VideoVersion version, VideoTransition transition, String actorId, String commentId) {
    Instant now = clock.instant();
    VideoState from = version.apply(transition, now);
    switch (transition) {
      case APPROVE, PUBLISH -> publish(version, actorId, now);
      case ARCHIVE -> video(version).unpublished(now);
      case COMPLETE_UPLOAD -> supersedeWaiting(version, actorId);
      default -> {}
    }
    AuditEvent event =
        AuditEvent.of(Action.VIDEO_STATE_CHANGED)
            .tenant(tenant.require(), null)
            .actor(actorId)
            .subject("video", version.videoId())
            .detail("version", version.number())
            .detail("transition", transition.name())
            .detail("from", from.name())
            .detail("to", transition.to().name());
    if (commentId != null) {
      event.detail("comment", commentId);
    }
    audit.recordInTransaction(event);
    transitioned.fire(
        new VideoTransitioned(
            tenant.require(),
            version.videoId(),
            version.number(),
            version.details().title(),
            from,
            transition.to(),
            transition.name(),
            actorId,
            version.uploaderId(),
            commentId));
    return from;
  }

  /**
   * A version made straight into review (a change of captions or details on known media): audited
   * and announced like a move, from no state.
   */
  public void entered(VideoVersion version, String actorId) {
    audit.recordInTransaction(
        AuditEvent.of(Action.VIDEO_STATE_CHANGED)
            .actor(actorId)
            .subject("video", version.videoId())
            .detail("version", version.number())
            .detail("transition", "DERIVE")
            .detail("to", version.state().name()));
    transitioned.fire(
        new VideoTransitioned(
            tenant.require(),
            version.videoId(),
            version.number(),
            version.details().title(),
            null,
            version.state(),
            "DERIVE",
            actorId,
            version.uploaderId(),
            null));
  }

  /**
   * Removes a version that never got its media (a broken or cancelled upload): a first version with
   * its video, a later one alone, the video showing the version before it again.
   */
  public void discard(VideoVersion version) {
    Video video = em.find(Video.class, version.videoId(), LockModeType.PESSIMISTIC_WRITE);
    em.remove(version);
    if (video == null) {
      return;
    }
    if (version.number() == 1) {
      em.remove(video);
      return;
    }
    em.flush();
    em.createNamedQuery(VideoVersion.OF_VIDEO, VideoVersion.class)
        .setParameter("videoId", version.videoId())
        .getResultStream()
        .findFirst()
        .ifPresent(previous -> video.versionAdded(previous, clock.instant()));
  }

  /** New media is in: an older version still waiting for review is withdrawn from it. */
  private void supersedeWaiting(VideoVersion newer, String actorId) {
    em.createNamedQuery(VideoVersion.OF_VIDEO, VideoVersion.class)
        .setParameter("videoId", newer.videoId())
        .getResultStream()
        .filter(v -> v.number() < newer.number() && v.state() == VideoState.IN_REVIEW)
        .forEach(v -> apply(v, VideoTransition.SUPERSEDE, actorId, null));
  }

  private void publish(VideoVersion version, String actorId, Instant now) {
    Video video = video(version);
    video
        .publishedVersionId()
        .filter(id -> !id.equals(version.id()))
        .map(id -> em.find(VideoVersion.class, id))
        .ifPresent(older -> apply(older, VideoTransition.SUPERSEDE, actorId, null));
    video.published(version, now);
  }

  private Video video(VideoVersion version) {
    return em.find(Video.class, version.videoId(), LockModeType.PESSIMISTIC_WRITE);
  }
}
