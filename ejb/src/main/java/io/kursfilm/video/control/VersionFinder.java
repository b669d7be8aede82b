package io.kursfilm.video.control;

import io.kursfilm.video.entity.Video;
import io.kursfilm.video.entity.VideoVersion;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/**
 * Finds a video's versions in the tenant bound to the transaction: the newest, the published one,
 * one by number. Who may see which is the boundary's decision.
 */
@Dependent
public class VersionFinder {

  @PersistenceContext(unitName = "kursfilm")
  EntityManager em;

  public Optional<Video> video(String videoId) {
    return Optional.ofNullable(em.find(Video.class, videoId));
  }

  /** The video's newest version, holding the row's write lock when asked. */
  public Optional<VideoVersion> latest(String videoId, LockModeType lock) {
    return video(videoId).map(v -> em.find(VideoVersion.class, v.latestVersionId(), lock));
  }

  public Optional<VideoVersion> published(Video video) {
    return video.publishedVersionId().map(id -> em.find(VideoVersion.class, id));
  }

  public Optional<VideoVersion> number(String videoId, int number) {
    return em.createNamedQuery(VideoVersion.BY_NUMBER, VideoVersion.class)
        .setParameter("videoId", videoId)
        .setParameter("number", number)
        .getResultStream()
        .findFirst();
  }

  /** Newest first. */
  public List<VideoVersion> all(String videoId) {
    return em.createNamedQuery(VideoVersion.OF_VIDEO, VideoVersion.class)
        .setParameter("videoId", videoId)
        .getResultList();
  }

  /** The newest version that has a rendition to watch: the video page of its trainers. */
  public Optional<VideoVersion> latestPlayable(String videoId) {
    return all(videoId).stream().filter(v -> v.state().playable()).findFirst();
  }

  /**
   * The rendition behind {@code selector}: {@code published}, {@code latest} (newest playable) or a
   * version number.
   */
  public Optional<Rendition> rendition(String videoId, String selector) {
    Optional<VideoVersion> version =
        switch (selector) {
          case "published" -> video(videoId).flatMap(this::published);
          case "latest" -> latestPlayable(videoId);
          default -> number(videoId, Integer.parseInt(selector));
        };
    return version.flatMap(
        v -> v.rendition().map(prefix -> new Rendition(v.state(), prefix, v.id())));
  }
}
