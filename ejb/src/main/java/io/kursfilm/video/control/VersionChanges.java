package io.kursfilm.video.control;

import io.kursfilm.audit.boundary.Action;
import io.kursfilm.audit.boundary.AuditEvent;
import io.kursfilm.audit.boundary.AuditLog;
import io.kursfilm.kernel.ConflictException;
import io.kursfilm.kernel.TenantContext;
import io.kursfilm.storage.sealed.SealedObjects;
import io.kursfilm.transcoder.job.VideoObjects;
import io.kursfilm.video.boundary.VideoDetails;
import io.kursfilm.video.boundary.VideoState;
import io.kursfilm.video.entity.Video;
import io.kursfilm.video.entity.VideoCaption;
import io.kursfilm.video.entity.VideoTransition;
import io.kursfilm.video.entity.VideoVersion;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Changes of what a critic approves that need no new media: captions, title, description. Before
 * review they change the version in place; from review on they make a new version on the same media
 * that goes back to review, while the published one stays what employees see.
 */
@Dependent
public class VersionChanges {

  /** The version a change lands in, and whether it was made for this change. */
  public record Target(VideoVersion version, VideoVersion base, boolean derived) {}

  @PersistenceContext(unitName = "kursfilm")
  EntityManager em;

  @Inject VideoLifecycle lifecycle;
  @Inject AuditLog audit;
  @Inject Clock clock;
  @Inject TenantContext tenant;
  @Inject SealedObjects sealed;

  /**
   * The version to change for {@code latest}: itself while no critic has seen it, else a new one
   * (with {@code details}, or the same) that carries its captions over, rows and sealed texts (but
   * for {@code exceptLanguage}, which the caller is about to replace or remove).
   *
   * @throws ConflictException when the newest version has no media (refused or failed input)
   */
  public Target target(
      VideoVersion latest, String actorId, VideoDetails details, String exceptLanguage) {
    VideoState state = latest.state();
    if (state == VideoState.REJECTED_INPUT || state == VideoState.FAILED) {
      throw new ConflictException("version " + latest.number() + " has no media: upload a new one");
    }
    if (!state.playable()) {
      return new Target(latest, latest, false);
    }
    VideoVersion next =
        latest.derive(
            latest.number() + 1,
            actorId,
            details == null ? latest.details() : details,
            clock.instant());
    em.persist(next);
    for (VideoCaption caption : captions(latest.id())) {
      em.persist(caption.copyTo(next.id()));
      if (!caption.language().equals(exceptLanguage)) {
        copyText(latest.id(), next.id(), caption.language());
      }
    }
    em.find(Video.class, latest.videoId()).versionAdded(next, clock.instant());
    if (state == VideoState.IN_REVIEW) {
      lifecycle.apply(latest, VideoTransition.SUPERSEDE, actorId, null);
    }
    audit.recordInTransaction(
        AuditEvent.of(Action.VIDEO_VERSION_CREATED)
            .subject("video", latest.videoId())
            .detail("version", next.number())
            .detail("media", "same"));
    lifecycle.entered(next, actorId);
    return new Target(next, latest, true);
  }

  /** A caption text sealed again under the new version's object id (sealing binds the id). */
  private void copyText(String fromVersion, String toVersion, String language) {
    String tenantId = tenant.require();
    try (InputStream in = sealed.open(tenantId, VideoObjects.caption(fromVersion, language))) {
      sealed.seal(tenantId, VideoObjects.caption(toVersion, language), in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The captions of each of these versions, read in one query; a version without any is absent. */
  public Map<String, List<VideoCaption>> captions(Collection<String> versionIds) {
    if (versionIds.isEmpty()) {
      return Map.of();
    }
    return em.createNamedQuery(VideoCaption.OF_VERSIONS, VideoCaption.class)
        .setParameter("versionIds", List.copyOf(versionIds))
        .getResultStream()
        .collect(Collectors.groupingBy(VideoCaption::versionId));
  }

  public List<VideoCaption> captions(String versionId) {
    return em.createNamedQuery(VideoCaption.OF_VERSION, VideoCaption.class)
        .setParameter("versionId", versionId)
        .getResultList();
  }
}
