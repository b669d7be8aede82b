package io.kursfilm.video.control;

import io.kursfilm.kernel.AuthenticatedCaller;
import io.kursfilm.kernel.Role;
import io.kursfilm.video.boundary.VideoState;
import io.kursfilm.video.entity.Video;
import io.kursfilm.video.entity.VideoVersion;
import jakarta.ejb.EJBAccessException;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

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

  /** The versions with these ids, read in one query (lists of many videos). */
  public Map<String, VideoVersion> byIds(Collection<String> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    return em.createNamedQuery(VideoVersion.BY_IDS, VideoVersion.class)
        .setParameter("ids", List.copyOf(ids))
        .getResultStream()
        .collect(Collectors.toMap(VideoVersion::id, v -> v));
  }

  /** A video with one of its versions. */
  public record Pair(Video video, VideoVersion version) {}

  /** The newest versions of the tenant's videos that are in {@code state}, longest there first. */
  public List<Pair> newestIn(VideoState state) {
    return em.createNamedQuery(VideoVersion.NEWEST_IN_STATE, Object[].class)
        .setParameter("state", state)
        .getResultStream()
        .map(row -> new Pair((Video) row[0], (VideoVersion) row[1]))
        .toList();
  }

  /** Video id to the quiz of its published version, for the videos that have one; one query. */
  public Map<String, String> publishedQuizzes(Collection<String> videoIds) {
    if (videoIds.isEmpty()) {
      return Map.of();
    }
    return em.createNamedQuery(VideoVersion.PUBLISHED_QUIZZES, Object[].class)
        .setParameter("videoIds", List.copyOf(videoIds))
        .getResultStream()
        .collect(Collectors.toMap(r -> (String) r[0], r -> (String) r[1]));
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
   * Whether {@code who} is one of the video's trainers: a trainer who created it or uploaded (or
   * made) a version of it. Only they change its media, captions and details.
   */
  public boolean isTrainerOf(String videoId, AuthenticatedCaller who) {
    return who.has(Role.TRAINER)
        && video(videoId)
            .map(
                v ->
                    v.ownerId().equals(who.userId())
                        || all(videoId).stream().anyMatch(x -> x.uploaderId().equals(who.userId())))
            .orElse(false);
  }

  /** Refuses (403) unless {@code who} is one of the video's trainers. */
  public void requireTrainerOf(String videoId, AuthenticatedCaller who) {
    if (!isTrainerOf(videoId, who)) {
      throw new EJBAccessException("only the video's trainers can change it");
    }
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
