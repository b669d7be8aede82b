package io.kursfilm.video.boundary;

import io.kursfilm.video.control.VersionFinder;
import io.kursfilm.video.entity.Video;
import io.kursfilm.video.entity.VideoVersion;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The published videos of the bound tenant by id, with the title employees see, for components that
 * list them (learning: courses and assignments, also in reminder mails sent without a caller).
 * Checks no role: the caller's component has checked it and bound the tenant. Two queries for any
 * number.
 */
@Dependent
public class PublishedTitles {

  @PersistenceContext(unitName = "kursfilm")
  EntityManager em;

  @Inject VersionFinder finder;

  /** Title of the published version of each video among {@code videoIds} that is published. */
  public Map<String, String> titles(Collection<String> videoIds) {
    Map<String, String> titles = new HashMap<>();
    if (videoIds.isEmpty()) {
      return titles;
    }
    List<Video> videos =
        em.createQuery("select v from Video v where v.id in :ids", Video.class)
            .setParameter("ids", List.copyOf(videoIds))
            .getResultList();
    Map<String, String> versionOfVideo = new HashMap<>();
    videos.forEach(v -> v.publishedVersionId().ifPresent(p -> versionOfVideo.put(p, v.id())));
    for (VideoVersion version : finder.byIds(versionOfVideo.keySet()).values()) {
      titles.put(versionOfVideo.get(version.id()), version.details().title());
    }
    return titles;
  }

  /** Whether the video is the bound tenant's (in any state). */
  public boolean exists(String videoId) {
    return Optional.ofNullable(videoId).flatMap(finder::video).isPresent();
  }
}
