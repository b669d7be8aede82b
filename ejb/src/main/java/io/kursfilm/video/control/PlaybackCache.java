package io.kursfilm.video.control;

import io.kursfilm.storage.sealed.SealedObject;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
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
 * a video, or deleting it on another node, reaches playback within that time (a delete on this node
 * at once, {@link #forget}), and whether the caller may watch is still decided per request from the
 * kept state. Receipts describe immutable objects (a rendition's prefix is new for every transcode
 * attempt) and hold the data key wrapped only, so they are kept longer; a shredded tenant's
 * receipts no longer unwrap.
 */
@ApplicationScoped
public class PlaybackCache {

  /** Files per rendition (playlists, segments, images) times the videos being watched at once. */
  private static final int RECEIPTS = 20_000;

  private static final int RENDITIONS = 10_000;
  private static final Duration RECEIPT_TTL = Duration.ofHours(1);

  private record Key(String tenantId, String id) {}

  @Inject
  @ConfigProperty(name = "kursfilm.playback.cache-ttl")
  Duration renditionTtl;

  @Inject Clock clock;

  private ExpiringCache<Key, Rendition> renditions;
  private ExpiringCache<Key, SealedObject> receipts;

  @PostConstruct
  void create() {
    renditions = new ExpiringCache<>(renditionTtl, RENDITIONS, clock);
    receipts = new ExpiringCache<>(RECEIPT_TTL, RECEIPTS, clock);
  }

  /**
   * The video's rendition, kept or found by {@code lookup}, which must read it in {@code tenantId}.
   */
  public Optional<Rendition> rendition(
      String tenantId, String videoId, Function<String, Optional<Rendition>> lookup) {
    return renditions.get(new Key(tenantId, videoId), key -> lookup.apply(key.id()));
  }

  /**
   * Drops what is kept of the video's rendition, so this node stops serving it at once (its
   * receipts become unreachable and age out).
   */
  public void forget(String tenantId, String videoId) {
    renditions.remove(new Key(tenantId, videoId));
  }

  /**
   * The object's receipt, kept or found by {@code lookup}, which must read it in {@code tenantId}.
   */
  public Optional<SealedObject> receipt(
      String tenantId, String objectId, Function<String, Optional<SealedObject>> lookup) {
    return receipts.get(new Key(tenantId, objectId), key -> lookup.apply(key.id()));
  }
}
