package io.kursfilm.learning.control;

import io.kursfilm.kernel.CacheNotice;
import io.kursfilm.video.boundary.VideoView;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Searches a tenant's published videos by words of their title, description and tags. Those are
 * sealed in the database, so the search runs in memory over the opened values of the published
 * versions: one index per tenant, built on the first search, dropped when any version of the tenant
 * changes state (publish, archive, a new version replacing the published one) and at the latest
 * after {@code kursfilm.catalogue.index-ttl} (other nodes' changes, deleted videos, a shredded
 * tenant's plaintext). At most {@code kursfilm.catalogue.max-tenants} tenants are kept, least
 * recently searched dropped first. See docs/architecture.md, "Learning portal".
 */
@ApplicationScoped
public class CatalogueIndex {

  /** One video as it is searched. */
  private record Entry(VideoView video, String text, String language) {}

  private record Built(Instant at, List<Entry> entries) {}

  @Inject
  @ConfigProperty(name = "kursfilm.catalogue.index-ttl", defaultValue = "PT1M")
  Duration ttl;

  @Inject
  @ConfigProperty(name = "kursfilm.catalogue.max-tenants", defaultValue = "200")
  int maxTenants;

  @Inject Clock clock;

  private Map<String, Built> byTenant;

  @PostConstruct
  void init() {
    byTenant =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Built> eldest) {
            return size() > maxTenants;
          }
        };
  }

  /**
   * The tenant's published videos matching every word of {@code query} (all when blank) in the
   * language {@code language} (a primary tag also matches its regions; all when blank), in the
   * order {@code published} lists them.
   */
  public List<VideoView> search(
      String tenantId, String query, String language, Supplier<List<VideoView>> published) {
    List<String> words = words(query);
    String wanted = language == null ? "" : language.trim().toLowerCase(Locale.ROOT);
    return entries(tenantId, published).stream()
        .filter(e -> words.stream().allMatch(e.text()::contains))
        .filter(
            e ->
                wanted.isEmpty()
                    || e.language().equals(wanted)
                    || e.language().startsWith(wanted + "-"))
        .map(Entry::video)
        .toList();
  }

  /**
   * Drops the tenant's index once a change of one of its videos is committed, on this node or on
   * another.
   */
  void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) CacheNotice notice) {
    if (notice.userId().isEmpty()) {
      forget(notice.tenantId());
    }
  }

  public synchronized void forget(String tenantId) {
    byTenant.remove(tenantId);
  }

  private List<Entry> entries(String tenantId, Supplier<List<VideoView>> published) {
    Instant now = clock.instant();
    synchronized (this) {
      Built built = byTenant.get(tenantId);
      if (built != null && built.at().plus(ttl).isAfter(now)) {
        return built.entries();
      }
    }
    // Built outside the lock: reading and opening a tenant's videos must not hold up the others.
    List<Entry> entries =
        published.get().stream()
            .map(
                v ->
                    new Entry(
                        v,
                        normalised(
                            String.join(
                                " ",
                                nonNull(v.title()),
                                nonNull(v.description()),
                                nonNull(v.tags()))),
                        nonNull(v.language()).toLowerCase(Locale.ROOT)))
            .toList();
    synchronized (this) {
      byTenant.put(tenantId, new Built(now, entries));
    }
    return entries;
  }

  static List<String> words(String query) {
    if (query == null || query.isBlank()) {
      return List.of();
    }
    return Arrays.stream(normalised(query).split("[^\\p{L}\\p{N}]+"))
        .filter(w -> !w.isEmpty())
        .toList();
  }

  /** Lower case without accents, so "Brandschutz" finds "brandschütz" and "Übung" "ubung". */
  static String normalised(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFD)
        .replaceAll("\\p{M}", "")
        .toLowerCase(Locale.ROOT);
  }

  private static String nonNull(String s) {
    return s == null ? "" : s;
  }
}
