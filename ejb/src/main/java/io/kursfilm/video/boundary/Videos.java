package io.kursfilm.video.boundary;

import io.kursfilm.audit.boundary.Action;
import io.kursfilm.audit.boundary.AuditEvent;
import io.kursfilm.audit.boundary.AuditLog;
import io.kursfilm.kernel.AuthenticatedCaller;
import io.kursfilm.kernel.Caller;
import io.kursfilm.kernel.ConflictException;
import io.kursfilm.kernel.Role;
import io.kursfilm.kernel.TenantScoped;
import io.kursfilm.video.control.PublishRule;
import io.kursfilm.video.control.Rendition;
import io.kursfilm.video.control.VersionChanges;
import io.kursfilm.video.control.VersionFinder;
import io.kursfilm.video.control.VideoLifecycle;
import io.kursfilm.video.entity.Video;
import io.kursfilm.video.entity.VideoTransition;
import io.kursfilm.video.entity.VideoVersion;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The videos of the caller's tenant as their people see them, and what trainers and admins do with
 * a whole video: publish, archive, cancel, delete, new versions. Employees see the published
 * version of a video only, never another; trainers, critics and admins see the newest. A video is
 * changed by its trainers (whoever created it or uploaded a version) or a tenant admin. Upload rows
 * live in {@link UploadRows}, byte streaming in {@link VideoUploads}.
 */
@Stateless
@TenantScoped
@RolesAllowed({Role.Names.TRAINER, Role.Names.CRITIC, Role.Names.TENANT_ADMIN, Role.Names.EMPLOYEE})
public class Videos {

  @PersistenceContext(unitName = "kursfilm")
  EntityManager em;

  @Inject Caller caller;
  @Inject AuditLog audit;
  @Inject Clock clock;
  @Inject VersionFinder finder;
  @Inject VideoLifecycle lifecycle;
  @Inject PublishRule publishRule;
  @Inject VersionChanges changes;

  /** The caller's videos, each in the version the caller sees; {@code state} filters on it. */
  public List<VideoView> list(Optional<VideoState> state) {
    AuthenticatedCaller who = caller.require();
    boolean all = seesUnpublished(who);
    List<Video> list =
        em.createNamedQuery(all ? Video.ALL : Video.PUBLISHED, Video.class).getResultList();
    // Both versions of every video in one read instead of two per row.
    Set<String> versionIds = new HashSet<>();
    for (Video v : list) {
      v.publishedVersionId().ifPresent(versionIds::add);
      if (all) {
        versionIds.add(v.latestVersionId());
      }
    }
    Map<String, VideoVersion> versions = finder.byIds(versionIds);
    return list.stream()
        .map(v -> view(v, who, versions::get))
        .flatMap(Optional::stream)
        .filter(v -> state.isEmpty() || v.state().equals(state.get().name()))
        .toList();
  }

  public Optional<VideoView> find(String id) {
    AuthenticatedCaller who = caller.require();
    return finder.video(id).flatMap(v -> view(v, who));
  }

  /** The version history, newest first; empty when the video is not the tenant's. */
  @RolesAllowed({Role.Names.TRAINER, Role.Names.CRITIC, Role.Names.TENANT_ADMIN})
  public Optional<List<VersionView>> versions(String id) {
    return finder.video(id).map(v -> finder.all(v.id()).stream().map(VersionView::of).toList());
  }

  /**
   * Publishes the newest version where the tenant does not require a critic's approval: the
   * trainer's explicit, audited step.
   *
   * @throws ConflictException when a critic must approve, or the version is not in review
   */
  @RolesAllowed(Role.Names.TRAINER)
  public Optional<VideoView> publish(String id) {
    Optional<VideoVersion> latest = finder.latest(id, LockModeType.PESSIMISTIC_WRITE);
    latest.ifPresent(
        v -> {
          requireTrainerOf(v.videoId());
          if (publishRule.criticMustApprove()) {
            throw new ConflictException("a critic must approve this video before it is published");
          }
          lifecycle.apply(v, VideoTransition.PUBLISH, caller.require().userId(), null);
        });
    return latest.flatMap(v -> find(id));
  }

  /**
   * Changes title, description, tags or language. Before review the newest version changes in
   * place; once a critic may have seen it, a new version on the same media goes back to review and
   * the published one stays. Only the video's trainers.
   */
  @RolesAllowed(Role.Names.TRAINER)
  public Optional<VideoView> describe(String id, VideoDetails details) {
    VideoDetails valid = details.validated();
    Optional<VideoVersion> latest = finder.latest(id, LockModeType.PESSIMISTIC_WRITE);
    latest.ifPresent(
        v -> {
          requireTrainerOf(id);
          VersionChanges.Target target = changes.target(v, caller.require().userId(), valid, null);
          if (!target.derived()) {
            v.describe(valid, clock.instant());
          }
        });
    return latest.flatMap(v -> find(id));
  }

  /** Takes the published version off the portal; trainers and critics still see the video. */
  @RolesAllowed({Role.Names.TRAINER, Role.Names.TENANT_ADMIN})
  public Optional<VideoView> archive(String id) {
    Optional<Video> video = finder.video(id);
    video.ifPresent(
        v -> {
          requireMayChange(v);
          VideoVersion shown =
              finder
                  .published(v)
                  .orElseThrow(() -> new ConflictException("this video is not published"));
          lifecycle.apply(shown, VideoTransition.ARCHIVE, caller.require().userId(), null);
        });
    return video.flatMap(v -> find(id));
  }

  /** Asks the pipeline to stop and discard the newest version. */
  @RolesAllowed({Role.Names.TRAINER, Role.Names.TENANT_ADMIN})
  public boolean cancel(String id) {
    Optional<Video> video = finder.video(id);
    video.ifPresent(
        v -> {
          requireMayChange(v);
          finder.latest(id, LockModeType.NONE).orElseThrow().requestCancel(clock.instant());
          audit.recordInTransaction(AuditEvent.of(Action.VIDEO_CANCELLED).subject("video", id));
        });
    return video.isPresent();
  }

  /**
   * Removes a video no job works on with all its versions; returns the version ids whose objects
   * the caller deletes. Empty when the video is not the tenant's.
   *
   * @throws ConflictException while a transcode job may be working on it (cancel instead)
   */
  @RolesAllowed({Role.Names.TRAINER, Role.Names.TENANT_ADMIN})
  public Optional<List<String>> remove(String id) {
    Optional<Video> video = finder.video(id);
    if (video.isEmpty()) {
      return Optional.empty();
    }
    requireMayChange(video.get());
    List<VideoVersion> versions = finder.all(id);
    if (versions.stream().anyMatch(v -> v.state().inPipeline())) {
      throw new ConflictException("this video is being processed: cancel it instead");
    }
    em.remove(video.get());
    audit.recordInTransaction(AuditEvent.of(Action.VIDEO_DELETED).subject("video", id));
    return Optional.of(versions.stream().map(VideoVersion::id).toList());
  }

  /**
   * The rendition behind {@code selector} ({@code published}, {@code latest} or a version number)
   * of a video of the caller's tenant, whether or not the caller may watch it: for {@link
   * Playback}, which keeps it a few seconds and applies {@link #mayWatch} to every request itself.
   */
  public Optional<Rendition> rendition(String id, String selector) {
    return finder.rendition(id, selector);
  }

  /** The selector of the version {@code who} sees of a video unless they name one. */
  static String defaultSelector(AuthenticatedCaller who) {
    return seesUnpublished(who) ? "latest" : "published";
  }

  /**
   * Whether {@code who} may watch a version in {@code state}: employees the published one only, and
   * only through the published selector (never by an old or a guessed version number).
   */
  static boolean mayWatch(AuthenticatedCaller who, String selector, VideoState state) {
    if (!state.playable()) {
      return false;
    }
    return seesUnpublished(who) || ("published".equals(selector) && state == VideoState.PUBLISHED);
  }

  static boolean seesUnpublished(AuthenticatedCaller who) {
    return who.has(Role.TRAINER) || who.has(Role.CRITIC) || who.has(Role.TENANT_ADMIN);
  }

  private Optional<VideoView> view(Video video, AuthenticatedCaller who) {
    return view(video, who, id -> em.find(VideoVersion.class, id));
  }

  private Optional<VideoView> view(
      Video video, AuthenticatedCaller who, Function<String, VideoVersion> versions) {
    Optional<VideoVersion> published = video.publishedVersionId().map(versions);
    Integer publishedNumber = published.map(VideoVersion::number).orElse(null);
    Optional<VideoVersion> shown =
        seesUnpublished(who) ? Optional.of(versions.apply(video.latestVersionId())) : published;
    return shown.map(v -> VideoView.of(video, v, publishedNumber, who.userId()));
  }

  /** Trainers who made the video or a version of it, and tenant admins. */
  private void requireMayChange(Video video) {
    AuthenticatedCaller who = caller.require();
    if (!who.has(Role.TENANT_ADMIN) && !finder.isTrainerOf(video.id(), who)) {
      throw new EJBAccessException("only the video's trainers or a tenant admin can change it");
    }
  }

  private void requireTrainerOf(String videoId) {
    finder.requireTrainerOf(videoId, caller.require());
  }
}
