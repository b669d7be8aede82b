package io.kursfilm.video.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kursfilm.transcoder.job.OutcomeKind;
import io.kursfilm.video.boundary.VideoDetails;
import io.kursfilm.video.boundary.VideoState;
import io.kursfilm.video.control.OutcomeRules.Decision;
import io.kursfilm.video.control.OutcomeRules.Standing;
import io.kursfilm.video.control.OutcomeRules.Verdict;
import io.kursfilm.video.entity.VideoTransition;
import io.kursfilm.video.entity.VideoVersion;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What becomes of each transcode outcome: the attempt holding the latest claim moves the version
 * along the lifecycle table, a late or overtaken attempt is refused, and a cancel wins over any
 * final report.
 */
class OutcomeRulesTest {

  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void a_claim_starts_processing_an_uploaded_or_revived_version() {
    assertMove(VideoTransition.START_PROCESSING, decide(OutcomeKind.CLAIMED, uploaded()));
    assertMove(
        VideoTransition.START_PROCESSING,
        decide(OutcomeKind.CLAIMED, new Standing(VideoState.PROCESSING, false, false)));
  }

  @Test
  void a_claim_on_a_settled_or_cancelled_version_is_refused() {
    assertRefused(decide(OutcomeKind.CLAIMED, new Standing(VideoState.IN_REVIEW, false, false)));
    assertRefused(decide(OutcomeKind.CLAIMED, new Standing(VideoState.UPLOADED, false, true)));
  }

  @Test
  void the_claiming_attempt_s_final_outcomes_move_the_version_along_the_table() {
    Standing processing = new Standing(VideoState.PROCESSING, true, false);
    assertMove(VideoTransition.FINISH_PROCESSING, decide(OutcomeKind.PUBLISHED, processing));
    assertMove(VideoTransition.REJECT_INPUT, decide(OutcomeKind.REJECTED, processing));
    assertMove(VideoTransition.FAIL, decide(OutcomeKind.FAILED, processing));
  }

  @ParameterizedTest
  @EnumSource(
      value = OutcomeKind.class,
      names = {"PUBLISHED", "REJECTED", "FAILED", "PROGRESS"})
  void an_overtaken_attempt_s_outcome_is_refused(OutcomeKind kind) {
    assertRefused(decide(kind, new Standing(VideoState.PROCESSING, false, false)));
  }

  @ParameterizedTest
  @EnumSource(
      value = VideoState.class,
      names = {"PROCESSING"},
      mode = EnumSource.Mode.EXCLUDE)
  void a_late_publication_never_moves_a_version_that_left_processing(VideoState state) {
    // Even with the claim: the table has no FINISH_PROCESSING from any other state.
    assertRefused(decide(OutcomeKind.PUBLISHED, new Standing(state, true, false)));
  }

  @ParameterizedTest
  @EnumSource(
      value = OutcomeKind.class,
      names = {"PUBLISHED", "REJECTED", "FAILED", "DISCARD"})
  void a_cancel_wins_over_any_final_outcome_of_any_attempt(OutcomeKind kind) {
    assertEquals(
        Verdict.DISCARD,
        decide(kind, new Standing(VideoState.PROCESSING, true, true)).verdict(),
        "the claiming attempt");
    assertEquals(
        Verdict.DISCARD,
        decide(kind, new Standing(VideoState.PROCESSING, false, true)).verdict(),
        "an overtaken attempt");
  }

  @ParameterizedTest
  @EnumSource(OutcomeKind.class)
  void every_outcome_for_a_version_that_is_gone_is_refused(OutcomeKind kind) {
    assertRefused(OutcomeRules.decide(kind, null));
  }

  @Test
  void a_discard_without_a_cancel_is_refused() {
    assertRefused(decide(OutcomeKind.DISCARD, new Standing(VideoState.PROCESSING, true, false)));
  }

  @Test
  void progress_counts_only_for_the_processing_attempt_without_a_cancel() {
    assertEquals(
        Verdict.PROGRESS,
        decide(OutcomeKind.PROGRESS, new Standing(VideoState.PROCESSING, true, false)).verdict());
    assertRefused(decide(OutcomeKind.PROGRESS, new Standing(VideoState.PROCESSING, true, true)));
    assertRefused(decide(OutcomeKind.PROGRESS, new Standing(VideoState.IN_REVIEW, true, false)));
  }

  @Test
  void the_standing_of_a_real_version_names_only_the_claim_it_holds() {
    VideoVersion version =
        new VideoVersion(
            "v", 1, "trainer", new VideoDetails("Clip", null, null, null), 10, 10, NOW);
    version.apply(VideoTransition.COMPLETE_UPLOAD, NOW);
    version.apply(VideoTransition.START_PROCESSING, NOW);
    version.claimedBy("newer");

    assertMove(
        VideoTransition.FINISH_PROCESSING,
        OutcomeRules.decide(OutcomeKind.PUBLISHED, Standing.of(version, "newer")));
    assertRefused(OutcomeRules.decide(OutcomeKind.PUBLISHED, Standing.of(version, "older")));
    assertRefused(OutcomeRules.decide(OutcomeKind.PUBLISHED, Standing.of(version, null)));
  }

  @ParameterizedTest
  @EnumSource(
      value = OutcomeKind.class,
      names = {"PROGRESS", "DISCARD"})
  void progress_and_discard_are_no_row_of_the_lifecycle_table(OutcomeKind kind) {
    assertThrows(IllegalArgumentException.class, () -> OutcomeRules.transition(kind));
  }

  private static Standing uploaded() {
    return new Standing(VideoState.UPLOADED, false, false);
  }

  private static Decision decide(OutcomeKind kind, Standing standing) {
    return OutcomeRules.decide(kind, standing);
  }

  private static void assertMove(VideoTransition expected, Decision decision) {
    assertEquals(Verdict.APPLY, decision.verdict(), decision.why());
    assertEquals(expected, decision.transition());
    assertNull(decision.why());
  }

  private static void assertRefused(Decision decision) {
    assertEquals(Verdict.REFUSE, decision.verdict());
    assertNull(decision.transition());
    assertNotNull(decision.why(), "a refusal says why, for the log");
  }
}
