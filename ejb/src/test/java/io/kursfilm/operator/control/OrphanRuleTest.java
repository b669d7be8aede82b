package io.kursfilm.operator.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kursfilm.storage.objects.ObjectSummary;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OrphanRuleTest {

  private static final Instant CUTOFF = Instant.parse("2026-01-02T00:00:00Z");
  private static final Instant OLD = CUTOFF.minus(Duration.ofHours(1));

  private static final Owners OWNERS =
      new Owners(
          Map.of(
              "v1", new Owners.Version(Optional.of("videos/v1/hls/aaaa"), false),
              "v2", new Owners.Version(Optional.empty(), true)),
          Set.of("v1/de"),
          Set.of("off1"));

  private static Optional<OrphanKind> judge(String key, Instant written) {
    return OrphanRule.judge(new ObjectSummary(key, 10, written), OWNERS, CUTOFF);
  }

  @Test
  void objects_of_a_version_without_row_are_orphans() {
    assertEquals(Optional.of(OrphanKind.VERSION), judge("videos/gone/original-000000", OLD));
    assertEquals(Optional.of(OrphanKind.VERSION), judge("videos/gone/hls/bbbb/seg-1.ts", OLD));
  }

  @Test
  void objects_younger_than_the_grace_are_never_orphans() {
    assertEquals(Optional.empty(), judge("videos/gone/original-000000", CUTOFF));
    assertEquals(Optional.empty(), judge("videos/gone/original-000000", CUTOFF.plusSeconds(5)));
    assertEquals(Optional.empty(), judge("export/gone/part-000000", CUTOFF.plusSeconds(5)));
  }

  @Test
  void the_published_rendition_and_the_original_stay() {
    assertEquals(Optional.empty(), judge("videos/v1/hls/aaaa/master.m3u8", OLD));
    assertEquals(Optional.empty(), judge("videos/v1/original-000003", OLD));
  }

  @Test
  void another_rendition_of_an_idle_version_is_an_orphan() {
    assertEquals(Optional.of(OrphanKind.RENDITION), judge("videos/v1/hls/bbbb/seg-1.ts", OLD));
    // A prefix of the published id is not the published rendition.
    assertEquals(Optional.of(OrphanKind.RENDITION), judge("videos/v1/hls/aaa/seg-1.ts", OLD));
  }

  @Test
  void a_rendition_of_a_version_being_transcoded_stays() {
    assertEquals(Optional.empty(), judge("videos/v2/hls/cccc/seg-1.ts", OLD));
  }

  @Test
  void captions_without_their_row_are_orphans() {
    assertEquals(Optional.empty(), judge("videos/v1/captions/de.vtt", OLD));
    assertEquals(Optional.of(OrphanKind.CAPTION), judge("videos/v1/captions/en.vtt", OLD));
  }

  @Test
  void export_parts_need_a_wanted_offboarding() {
    assertEquals(Optional.empty(), judge("export/off1/part-000001", OLD));
    assertEquals(Optional.of(OrphanKind.EXPORT), judge("export/off2/part-000001", OLD));
  }

  @Test
  void unknown_keys_are_left_alone() {
    assertEquals(Optional.empty(), judge("checkpoints/x.json", OLD));
    assertEquals(Optional.empty(), judge("videos/", OLD));
    assertEquals(Optional.empty(), judge("videos/v1/something-else", OLD));
    assertEquals(Optional.empty(), judge("export/", OLD));
    assertEquals(Optional.empty(), judge("videos/v1/hls/", OLD));
  }
}
