package io.kursfilm.video.boundary;

import io.kursfilm.kernel.PersonalData;
import io.kursfilm.storage.field.FieldCipher;
import io.kursfilm.video.control.VersionFinder;
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
}
