package io.kursfilm.video.boundary;

import io.kursfilm.kernel.PersonalData;
import io.kursfilm.storage.field.FieldCipher;
import io.kursfilm.video.control.VersionFinder;
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
 * Titles of the bound tenant's videos for other components: those of published videos by id, for
 * lists (learning: courses and assignments, also in reminder mails sent without a caller), and one
 * video's whatever its state, for documents that name it after the fact (a certificate of
 * completion of a video archived since). Checks no role: the calling boundary has bound the tenant
 * and decided who may see them. The web never uses it (WebArchitectureTest).
 */
@Dependent
public class VideoTitles {

  private static final String VERSIONS = "video_version";
  private static final String TITLE = "title";

  @PersistenceContext(unitName = "kursfilm")
  EntityManager em;

  @Inject VersionFinder finder;

  /**
   * Title of the published version of each video among {@code videoIds} that is published: one
   * query for the sealed titles alone and one tenant look-up for all of them, instead of loading
   * versions whose every sealed column opens on load (a list of hundreds on each portal visit).
   */
  public Map<String, String> titles(Collection<String> videoIds) {
    Map<String, String> titles = new HashMap<>();
    if (videoIds.isEmpty()) {
      return titles;
    }
    List<Object[]> rows =
        em.createQuery(
                "select v.id, p.id, p.titleSealed from Video v, VideoVersion p"
                    + " where v.id in :ids and p.id = v.publishedVersionId",
                Object[].class)
            .setParameter("ids", List.copyOf(videoIds))
            .getResultList();
    if (rows.isEmpty()) {
      return titles;
    }
    PersonalData.Opener opener = PersonalData.opener();
    for (Object[] r : rows) {
      String sealed = (String) r[2];
      // Bound to the version's row and field exactly as VideoVersion seals it; rows from before
      // V16 that the start-up sealing has not reached yet read as they are.
      titles.put(
          (String) r[0],
          FieldCipher.isSealed(sealed)
              ? opener.open(TITLE, new FieldCipher.Row(VERSIONS, (String) r[1]), sealed)
              : sealed);
    }
    return titles;
  }

  /** Whether the video is the bound tenant's (in any state). */
  public boolean exists(String videoId) {
    return Optional.ofNullable(videoId).flatMap(finder::video).isPresent();
  }

  /** The published version's title, else the newest version's; empty when there is no video. */
  public Optional<String> of(String videoId) {
    return finder
        .video(videoId)
        .flatMap(
            v ->
                finder
                    .published(v)
                    .or(() -> finder.all(videoId).stream().findFirst())
                    .map(VideoVersion::details)
                    .map(VideoDetails::title));
  }
}
