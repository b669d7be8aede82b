package io.kursfilm.video.boundary;

import io.kursfilm.kernel.Caller;
import io.kursfilm.kernel.ConflictException;
import io.kursfilm.kernel.Role;
import io.kursfilm.kernel.TenantScoped;
import io.kursfilm.video.control.VersionChanges;
import io.kursfilm.video.control.VersionFinder;
import io.kursfilm.video.control.VideoLifecycle;
import io.kursfilm.video.entity.Video;
import io.kursfilm.video.entity.VideoCaption;
import io.kursfilm.video.entity.VideoTransition;
import io.kursfilm.video.entity.VideoVersion;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What the review component needs of videos: the version a critic decides on, the queue of versions
 * waiting, and the two moves a decision makes. Who may decide (four eyes, how many approvals) is
 * the review component's rule; this one only refuses moves the lifecycle table does not have.
 */
@Stateless
@TenantScoped
@RolesAllowed({Role.Names.TRAINER, Role.Names.CRITIC, Role.Names.TENANT_ADMIN})
public class ReviewSubjects {

  /** What a critic decided. */
  public enum Decision {
    APPROVE,
    REQUEST_CHANGES
  }

  @Inject Caller caller;
  @Inject VersionFinder finder;
  @Inject VersionChanges changes;
  @Inject VideoLifecycle lifecycle;

  /** The newest version of a video of the tenant; empty for another tenant's or no video. */
  public Optional<ReviewSubject> newest(String videoId) {
    return finder.latest(videoId, LockModeType.NONE).map(this::subject);
  }

  /**
   * The newest version, with its row locked until the transaction ends: decisions on one version
   * queue up here, so of two critics deciding at once the second sees the first's outcome.
   */
  @RolesAllowed(Role.Names.CRITIC)
  public Optional<ReviewSubject> newestForDecision(String videoId) {
    return finder.latest(videoId, LockModeType.PESSIMISTIC_WRITE).map(this::subject);
  }

  /** Newest versions waiting for a critic, longest waiting first. */
  public List<ReviewSubject> waiting() {
    List<VersionFinder.Pair> waiting = finder.newestIn(VideoState.IN_REVIEW);
    Map<String, List<VideoCaption>> captions =
        changes.captions(waiting.stream().map(p -> p.version().id()).toList());
    return waiting.stream()
        .map(
            p ->
                subject(p.video(), p.version(), captions.getOrDefault(p.version().id(), List.of())))
        .toList();
  }

  /**
   * Moves version {@code number} of the video along the decision's row of the lifecycle table.
   *
   * @throws ConflictException when it is not the newest version or not in review any more
   */
  @RolesAllowed(Role.Names.CRITIC)
  public void decide(String videoId, int number, Decision decision, String commentId) {
    VideoVersion version = finder.latest(videoId, LockModeType.PESSIMISTIC_WRITE).orElseThrow();
    if (version.number() != number) {
      throw new ConflictException(
          "version " + number + " was replaced by version " + version.number());
    }
    VideoTransition transition =
        decision == Decision.APPROVE ? VideoTransition.APPROVE : VideoTransition.REQUEST_CHANGES;
    lifecycle.apply(version, transition, caller.require().userId(), commentId);
  }

  /** The number of each version of the video, by version id (for records that name versions). */
  public Map<String, Integer> versionNumbers(String videoId) {
    return finder.all(videoId).stream()
        .collect(Collectors.toMap(VideoVersion::id, VideoVersion::number));
  }

  private ReviewSubject subject(VideoVersion v) {
    return subject(finder.video(v.videoId()).orElseThrow(), v, changes.captions(v.id()));
  }

  private static ReviewSubject subject(Video video, VideoVersion v, List<VideoCaption> captions) {
    return new ReviewSubject(
        v.videoId(),
        v.id(),
        v.number(),
        v.state(),
        v.details().title(),
        v.uploaderId(),
        video.ownerId(),
        v.mediaSha256().orElse(""),
        captionSet(captions),
        v.duration().map(d -> d.toSeconds()).orElse(null),
        v.updatedAt(),
        v.quizId().orElse(null));
  }

  /** One hash over the version's captions, so a decision names exactly the captions it saw. */
  private static String captionSet(List<VideoCaption> captions) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (VideoCaption c : captions) {
        String line = c.language() + "\t" + c.label() + "\t" + c.contentSha256() + "\n";
        digest.update(line.getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
