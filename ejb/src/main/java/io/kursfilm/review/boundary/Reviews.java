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
import io.kursfilm.review.entity.VideoReview;
import io.kursfilm.tenant.boundary.TenantDirectory;
import io.kursfilm.tenant.boundary.TenantSettingsValue;
import io.kursfilm.video.boundary.ReviewSubject;
import io.kursfilm.video.boundary.ReviewSubjects;
import io.kursfilm.video.boundary.ReviewSubjects.Decision;
import io.kursfilm.video.boundary.VideoState;
import io.kursfilm.video.boundary.VideoView;
import io.kursfilm.video.boundary.Videos;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The critic's decision on a video's newest version, and the queue of versions waiting for one.
 * Four eyes: a critic never decides on a version they uploaded (refused and audited). A version is
 * published once as many distinct critics approved it as the tenant requires; one request for
 * changes sends it back to its trainer. Every decision is bound to the media hash and caption set
 * the critic saw.
 */
@Stateless
@TenantScoped
@RolesAllowed(Role.Names.CRITIC)
public class Reviews {

  @Inject Caller caller;
  @Inject ReviewSubjects subjects;
  @Inject ReviewRecords records;
  @Inject Videos videos;
  @Inject DisplayNames names;
  @Inject TenantDirectory tenants;
  @Inject AuditLog audit;
  @Inject Clock clock;

  /**
   * Records the caller's decision on the newest version of {@code videoId}.
   *
   * @param version the version the critic watched; a newer one since is a conflict
   * @param reason required when asking for changes; stored as a comment on the version
   * @throws EJBAccessException when the critic uploaded the version (four eyes)
   * @throws ConflictException when the version is not in review, was replaced, or the critic
   *     decided on it already
   */
  public Optional<VideoView> decide(
      String videoId, Integer version, Decision decision, String reason) {
    if (decision == null) {
      throw new IllegalArgumentException("decision: APPROVE or REQUEST_CHANGES");
    }
    Optional<ReviewSubject> found = subjects.newestForDecision(videoId);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    ReviewSubject subject = found.get();
    AuthenticatedCaller who = caller.require();
    if (subject.uploaderId().equals(who.userId())) {
      // Its own transaction: the refusal stays on record although this call fails.
      audit.record(
          AuditEvent.of(Action.VIDEO_REVIEW_REFUSED)
              .subject("video", videoId)
              .detail("version", subject.version())
              .detail("reason", "own-upload"));
      throw new EJBAccessException("a critic cannot decide on a version they uploaded");
    }
    if (version != null && version != subject.version()) {
      throw new ConflictException(
          "version " + version + " was replaced by version " + subject.version());
    }
    if (subject.state() != VideoState.IN_REVIEW) {
      throw new ConflictException(
          "version " + subject.version() + " is " + subject.state() + ": nothing to decide");
    }
    String commentId = reasonComment(subject, decision, reason, who);
    try {
      records.add(
          new VideoReview(
              videoId,
              subject.versionId(),
              who.userId(),
              decision,
              commentId,
              subject.mediaSha256(),
              subject.captionSet(),
              subject.quizId(),
              clock.instant()));
    } catch (PersistenceException e) {
      throw new ConflictException("you decided on version " + subject.version() + " already");
    }
    long approvals = records.approvals(subject.versionId());
    audit.recordInTransaction(
        AuditEvent.of(Action.VIDEO_REVIEWED)
            .subject("video", videoId)
            .detail("version", subject.version())
            .detail("decision", decision.name())
            .detail("approvals", approvals)
            .detail("comment", commentId == null ? "none" : commentId));
    if (decision == Decision.REQUEST_CHANGES || approvals >= settings().requiredApprovals()) {
      subjects.decide(videoId, subject.version(), decision, commentId);
    }
    return videos.find(videoId);
  }

  /** Newest versions waiting for a critic, longest waiting first. */
  @RolesAllowed({Role.Names.CRITIC, Role.Names.TRAINER, Role.Names.TENANT_ADMIN})
  public List<QueueItem> queue() {
    List<ReviewSubject> waiting = subjects.waiting();
    Map<String, String> uploaders =
        names.of(waiting.stream().map(ReviewSubject::uploaderId).toList());
    Map<String, Long> approvals =
        records.approvals(waiting.stream().map(ReviewSubject::versionId).toList());
    int required = settings().requiredApprovals();
    String me = caller.require().userId();
    return waiting.stream()
        .map(
            s ->
                new QueueItem(
                    s.videoId(),
                    s.version(),
                    s.title(),
                    s.uploaderId(),
                    uploaders.get(s.uploaderId()),
                    s.durationSeconds(),
                    s.waitingSince(),
                    approvals.getOrDefault(s.versionId(), 0L),
                    required,
                    s.uploaderId().equals(me)))
        .toList();
  }

  /** Every decision on every version of the video, oldest first; empty for no such video. */
  @RolesAllowed({Role.Names.CRITIC, Role.Names.TRAINER, Role.Names.TENANT_ADMIN})
  public Optional<List<ReviewView>> history(String videoId) {
    if (subjects.newest(videoId).isEmpty()) {
      return Optional.empty();
    }
    Map<String, Integer> numbers = subjects.versionNumbers(videoId);
    List<VideoReview> reviews = records.ofVideo(videoId);
    Map<String, String> critics = names.of(reviews.stream().map(VideoReview::criticId).toList());
    return Optional.of(
        reviews.stream()
            .map(
                r ->
                    new ReviewView(
                        r.id(),
                        numbers.getOrDefault(r.versionId(), 0),
                        r.decision().name(),
                        r.criticId(),
                        critics.get(r.criticId()),
                        r.commentId().orElse(null),
                        r.mediaSha256(),
                        r.captionSet(),
                        r.createdAt()))
            .toList());
  }

  private String reasonComment(
      ReviewSubject subject, Decision decision, String reason, AuthenticatedCaller who) {
    boolean given = reason != null && !reason.isBlank();
    if (decision == Decision.REQUEST_CHANGES && !given) {
      throw new IllegalArgumentException("comment: say what should change");
    }
    if (!given) {
      return null;
    }
    VideoComment comment =
        new VideoComment(
            subject.videoId(),
            subject.versionId(),
            who.userId(),
            null,
            subject.durationSeconds(),
            reason,
            clock.instant());
    records.add(comment);
    return comment.id();
  }

  private TenantSettingsValue settings() {
    return tenants.settings(caller.require().tenantId()).orElseThrow();
  }
}
