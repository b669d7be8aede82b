package io.kursfilm.video.control;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.kursfilm.kernel.CacheNotice;
import io.kursfilm.storage.sealed.SealedObject;
import io.kursfilm.video.boundary.VideoTransitioned;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What HLS delivery would otherwise look up on every segment request: a video's rendition and state
 * (a database read) and the receipt of each file (an object-store stat). Every key holds the
 * tenant, so one tenant's entry never answers another's request.
 *
 * <p>Renditions are kept for {@code kursfilm.playback.cache-ttl} only: archiving or re-transcoding
 * a video reaches every node at once ({@link CacheNotice}), and deleting it on another node within
 * that time (on this node at once, {@link #forget}), and whether the caller may watch is still
 * decided per request from the kept state. Receipts describe immutable objects (a rendition's
 * prefix is new for every transcode attempt) and hold the data key wrapped only, so they are kept
 * longer; a shredded tenant's receipts no longer unwrap.
 *
 * <p>Both are Caffeine caches bounded by size and expiring a fixed time after a value was loaded;
 * an absent value is not kept, so a miss is asked again next time.
 */
@ApplicationScoped
public class PlaybackCache {

  /** Files per rendition (playlists, segments, images) times the videos being watched at once. */
  private static final int RECEIPTS = 20_000;

  static final int RENDITIONS = 10_000;
  private static final Duration RECEIPT_TTL = Duration.ofHours(1);

  private record Key(String tenantId, String id) {}

  @Inject
  @ConfigProperty(name = "kursfilm.playback.cache-ttl")
  Duration renditionTtl;

  @Inject Clock clock;
  @Inject Event<CacheNotice> notices;

  private static final String SELECTOR = "@";

  private Cache<Key, Rendition> renditions;
  private Cache<Key, SealedObject> receipts;

  @PostConstruct
  void create() {
    renditions = cache(renditionTtl, RENDITIONS);
    receipts = cache(RECEIPT_TTL, RECEIPTS);
  }

  /** The ticker reads the injected clock, so tests move time by hand instead of sleeping. */
  private <V> Cache<Key, V> cache(Duration ttl, int size) {
    return Caffeine.newBuilder()
        .maximumSize(size)
        .expireAfterWrite(ttl)
        .ticker(
            () -> {
              java.time.Instant now = clock.instant();
              return now.getEpochSecond() * 1_000_000_000L + now.getNano();
            })
        .build();
  }

  /** Caffeine keeps what the loader returns, and nothing when it returns null. */
  private static <V> Optional<V> get(
      Cache<Key, V> cache, Key key, Function<String, Optional<V>> lookup) {
    return Optional.ofNullable(cache.get(key, k -> lookup.apply(k.id()).orElse(null)));
  }

  /** Renditions currently kept, after pending evictions ran; for tests. */
  long renditionsKept() {
    renditions.cleanUp();
    return renditions.estimatedSize();
  }

  /**
   * The rendition behind {@code selector} of the video, kept or found by {@code lookup}, which must
   * read it in {@code tenantId}.
   */
  public Optional<Rendition> rendition(
      String tenantId,
      String videoId,
      String selector,
      Function<String, Optional<Rendition>> lookup) {
    return get(
        renditions, new Key(tenantId, videoId + SELECTOR + selector), id -> lookup.apply(selector));
  }

  /**
   * Drops what is kept of the video's renditions, so this node stops serving them at once (their
   * receipts become unreachable and age out).
   */
  public void forget(String tenantId, String videoId) {
    String prefix = videoId + SELECTOR;
    renditions
        .asMap()
        .keySet()
        .removeIf(k -> k.tenantId().equals(tenantId) && k.id().startsWith(prefix));
  }

  /**
   * A version was published, archived or superseded: every node serves the change at once, when the
   * transition commits (the notice's observers, this one's and the platform's, which shares it with
   * the other nodes, run after the transaction).
   */
  void onTransition(@Observes VideoTransitioned event) {
    notices.fire(CacheNotice.video(event.tenantId(), event.videoId()));
  }

  /** A change here or on another node: a video's renditions, or all of a changed tenant's. */
  void onNotice(@Observes(during = TransactionPhase.AFTER_SUCCESS) CacheNotice notice) {
    if (notice.videoId().isPresent()) {
      forget(notice.tenantId(), notice.videoId().get());
    } else if (notice.tenantWide()) {
      renditions.asMap().keySet().removeIf(k -> k.tenantId().equals(notice.tenantId()));
    }
  }

  /**
   * The object's receipt, kept or found by {@code lookup}, which must read it in {@code tenantId}.
   */
  public Optional<SealedObject> receipt(
      String tenantId, String objectId, Function<String, Optional<SealedObject>> lookup) {
    return get(receipts, new Key(tenantId, objectId), lookup);
  }
}
