package io.kursfilm.video.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kursfilm.video.boundary.VideoState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What playback keeps: for its TTL, per tenant, at most its bound, never a miss. */
class PlaybackCacheTest {

  /** A clock the test moves by hand, so expiry is tested without sleeping. */
  static final class Hand extends Clock {
    Instant now = Instant.parse("2026-11-25T09:00:00Z");

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  final Hand clock = new Hand();
  final AtomicInteger loads = new AtomicInteger();
  final PlaybackCache cache = new PlaybackCache();

  @BeforeEach
  void create() {
    cache.clock = clock;
    cache.renditionTtl = Duration.ofSeconds(5);
    cache.create();
  }

  Optional<Rendition> load(String videoId) {
    loads.incrementAndGet();
    return videoId.startsWith("missing")
        ? Optional.empty()
        : Optional.of(new Rendition(VideoState.PUBLISHED, videoId + "#" + loads.get(), videoId));
  }

  Optional<Rendition> rendition(String tenantId, String videoId, String selector) {
    return cache.rendition(tenantId, videoId, selector, s -> load(videoId));
  }

  String prefix(String tenantId, String videoId) {
    return rendition(tenantId, videoId, "published").orElseThrow().prefix();
  }

  @Test
  void a_rendition_is_loaded_once_within_its_ttl_and_again_after_it() {
    assertEquals("v#1", prefix("t1", "v"));
    clock.now = clock.now.plusMillis(4_999);
    assertEquals("v#1", prefix("t1", "v"));
    clock.now = clock.now.plusMillis(1);
    assertEquals("v#2", prefix("t1", "v"));
    assertEquals(2, loads.get());
  }

  @Test
  void an_absent_rendition_is_not_kept() {
    assertTrue(rendition("t1", "missing", "published").isEmpty());
    assertTrue(rendition("t1", "missing", "published").isEmpty());
    assertEquals(2, loads.get());
    assertEquals(0, cache.renditionsKept());
  }

  @Test
  void one_tenants_entry_never_answers_another() {
    assertEquals("v#1", prefix("t1", "v"));
    assertEquals("v#2", prefix("t2", "v"));
  }

  @Test
  void forgetting_a_video_drops_every_version_kept_of_it_and_nothing_else() {
    prefix("t1", "v");
    rendition("t1", "v", "latest");
    rendition("t1", "v", "3");
    rendition("t1", "w", "latest");

    cache.forget("t1", "v");

    assertEquals(1, cache.renditionsKept());
  }

  @Test
  void a_forgotten_rendition_is_loaded_again() {
    prefix("t1", "v");

    cache.forget("t1", "v");

    assertEquals("v#2", prefix("t1", "v"));
  }

  @Test
  void at_most_the_bound_of_renditions_is_kept() {
    for (int i = 0; i <= PlaybackCache.RENDITIONS; i++) {
      prefix("t1", "v" + i);
    }

    assertEquals(PlaybackCache.RENDITIONS, cache.renditionsKept());
  }
}
