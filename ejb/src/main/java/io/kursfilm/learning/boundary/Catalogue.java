package io.kursfilm.learning.boundary;

import io.kursfilm.kernel.AuthenticatedCaller;
import io.kursfilm.kernel.Caller;
import io.kursfilm.kernel.Role;
import io.kursfilm.kernel.TenantScoped;
import io.kursfilm.learning.control.CatalogueIndex;
import io.kursfilm.learning.control.Completions;
import io.kursfilm.learning.control.ProgressStore;
import io.kursfilm.learning.entity.WatchProgress;
import io.kursfilm.video.boundary.PublishedVideos;
import io.kursfilm.video.boundary.VideoView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tenant's published videos, searched by words of title, description and tags and filtered by
 * language, each with the caller's progress. The search runs in memory over opened values ({@link
 * CatalogueIndex}): the database holds them sealed.
 */
@Stateless
@TenantScoped
@RolesAllowed({Role.Names.TRAINER, Role.Names.CRITIC, Role.Names.TENANT_ADMIN, Role.Names.EMPLOYEE})
public class Catalogue {

  @Inject Caller caller;
  @Inject PublishedVideos videos;
  @Inject CatalogueIndex index;
  @Inject ProgressStore progress;
  @Inject Completions completions;

  /**
   * Published videos matching every word of {@code query} in {@code language}; both may be blank.
   *
   * @throws IllegalArgumentException a query over 200 characters or a malformed language tag
   */
  public List<CatalogueEntry> search(String query, String language) {
    if (query != null && query.length() > 200) {
      throw new IllegalArgumentException("q: at most 200 characters");
    }
    if (language != null
        && !language.isBlank()
        && !language.matches("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})?")) {
      throw new IllegalArgumentException("language: a language tag such as de or en-GB");
    }
    AuthenticatedCaller who = caller.require();
    List<VideoView> found = index.search(who.tenantId(), query, language, videos::list);
    Map<String, WatchProgress> rows = new HashMap<>();
    progress.ofUser(who.userId()).forEach(r -> rows.put(r.videoId(), r));
    Map<String, Instant> done =
        completions
            .latest(Set.of(who.userId()), found.stream().map(VideoView::id).toList())
            .getOrDefault(who.userId(), Map.of());
    return found.stream()
        .map(
            v -> {
              WatchProgress row = rows.get(v.id());
              double share =
                  row == null || row.videoVersion() != v.version()
                      ? 0
                      : ProgressStore.segments(row).share();
              return new CatalogueEntry(
                  v.id(),
                  v.title(),
                  v.description(),
                  v.tags(),
                  v.language(),
                  v.durationSeconds(),
                  Math.floor(share * 1000) / 1000,
                  done.containsKey(v.id()));
            })
        .toList();
  }

  /** The languages of the tenant's published videos, for the filter (sorted, distinct). */
  public List<String> languages() {
    return index.search(caller.require().tenantId(), null, null, videos::list).stream()
        .map(VideoView::language)
        .filter(l -> l != null && !l.isBlank())
        .distinct()
        .sorted()
        .toList();
  }
}
