package io.kursfilm.video.boundary;

import io.kursfilm.kernel.AuthenticatedCaller;
import io.kursfilm.kernel.Caller;
import io.kursfilm.kernel.Role;
import io.kursfilm.kernel.TenantScoped;
import io.kursfilm.video.control.VersionFinder;
import io.kursfilm.video.entity.Video;
import io.kursfilm.video.entity.VideoVersion;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The tenant's published videos, each in its published version whoever asks (a trainer's newest
 * version in review is not what the portal shows): the learning portal's catalogue and progress
 * reports are about the version employees watch.
 */
@Stateless
@TenantScoped
@RolesAllowed({Role.Names.TRAINER, Role.Names.CRITIC, Role.Names.TENANT_ADMIN, Role.Names.EMPLOYEE})
public class PublishedVideos {

  @PersistenceContext(unitName = "kursfilm")
  EntityManager em;

  @Inject Caller caller;
  @Inject VersionFinder finder;

  /** Every published video of the tenant in its published version, newest video first. */
  public List<VideoView> list() {
    AuthenticatedCaller who = caller.require();
    List<Video> videos = em.createNamedQuery(Video.PUBLISHED, Video.class).getResultList();
    Map<String, VideoVersion> versions =
        finder.byIds(videos.stream().flatMap(v -> v.publishedVersionId().stream()).toList());
    return videos.stream()
        .map(v -> v.publishedVersionId().map(versions::get).map(p -> view(v, p, who)))
        .flatMap(Optional::stream)
        .filter(Objects::nonNull)
        .toList();
  }

  /** The video in its published version; empty when it is not the tenant's or not published. */
  public Optional<VideoView> find(String videoId) {
    AuthenticatedCaller who = caller.require();
    return finder
        .video(videoId)
        .flatMap(v -> finder.published(v).map(p -> view(v, p, who)))
        .filter(Objects::nonNull);
  }

  private static VideoView view(Video video, VideoVersion published, AuthenticatedCaller who) {
    if (published.state() != VideoState.PUBLISHED) {
      return null;
    }
    return VideoView.of(video, published, published.number(), who.userId());
  }
}
