package io.kursfilm.notification.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kursfilm.notification.boundary.NotificationKind;
import io.kursfilm.video.boundary.VideoState;
import io.kursfilm.video.boundary.VideoTransitioned;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class NotificationPlanTest {

  private static final List<String> CRITICS = List.of("critic-1", "critic-2", "trainer-critic");

  private static VideoTransitioned moved(
      VideoState from, VideoState to, String transition, String actor, String uploader) {
    return new VideoTransitioned(
        "tenant", "video", 2, "Title", from, to, transition, actor, uploader, null);
  }

  private static Optional<NotificationPlan> plan(VideoTransitioned moved) {
    return NotificationPlan.of(moved, () -> CRITICS);
  }

  @Test
  void a_transcoded_version_waits_for_every_critic() {
    NotificationPlan plan =
        plan(moved(VideoState.PROCESSING, VideoState.IN_REVIEW, "FINISH_PROCESSING", null, "t"))
            .orElseThrow();
    assertEquals(NotificationKind.REVIEW_WAITING, plan.kind());
    assertEquals(CRITICS, plan.recipients());
  }

  @Test
  void a_version_made_straight_into_review_waits_for_the_critics_too() {
    NotificationPlan plan =
        plan(moved(null, VideoState.IN_REVIEW, "DERIVE", "t", "t")).orElseThrow();
    assertEquals(NotificationKind.REVIEW_WAITING, plan.kind());
    assertEquals(CRITICS, plan.recipients());
  }

  @Test
  void a_critic_who_uploaded_the_version_is_not_asked_to_review_it() {
    NotificationPlan plan =
        plan(moved(null, VideoState.IN_REVIEW, "DERIVE", "trainer-critic", "trainer-critic"))
            .orElseThrow();
    assertEquals(List.of("critic-1", "critic-2"), plan.recipients());
  }

  @Test
  void nobody_is_left_when_the_only_critic_uploaded_it() {
    assertTrue(
        NotificationPlan.of(
                moved(null, VideoState.IN_REVIEW, "DERIVE", "c", "c"), () -> List.of("c", "c"))
            .isEmpty());
  }

  @Test
  void each_critic_is_told_once() {
    NotificationPlan plan =
        NotificationPlan.of(
                moved(null, VideoState.IN_REVIEW, "DERIVE", "t", "t"),
                () -> List.of("c1", "c2", "c1"))
            .orElseThrow();
    assertEquals(List.of("c1", "c2"), plan.recipients());
  }

  @Test
  void decisions_go_to_the_uploader_only() {
    for (String[] row :
        new String[][] {
          {"APPROVE", "PUBLISHED", "APPROVED"},
          {"PUBLISH", "PUBLISHED", "PUBLISHED"},
          {"REQUEST_CHANGES", "CHANGES_REQUESTED", "CHANGES_REQUESTED"}
        }) {
      NotificationPlan plan =
          plan(moved(VideoState.IN_REVIEW, VideoState.valueOf(row[1]), row[0], "critic-1", "t"))
              .orElseThrow();
      assertEquals(NotificationKind.valueOf(row[2]), plan.kind(), row[0]);
      assertEquals(List.of("t"), plan.recipients(), row[0]);
    }
  }

  @Test
  void nobody_is_told_about_their_own_decision() {
    assertTrue(
        plan(moved(VideoState.IN_REVIEW, VideoState.PUBLISHED, "PUBLISH", "t", "t")).isEmpty());
  }

  @Test
  void a_decision_on_a_version_without_uploader_tells_nobody() {
    assertTrue(
        plan(moved(VideoState.IN_REVIEW, VideoState.PUBLISHED, "APPROVE", "c", null)).isEmpty());
  }

  @Test
  void pipeline_steps_archiving_and_superseding_tell_nobody() {
    List<VideoTransitioned> quiet = new ArrayList<>();
    quiet.add(moved(VideoState.UPLOADING, VideoState.UPLOADED, "COMPLETE_UPLOAD", "t", "t"));
    quiet.add(moved(VideoState.UPLOADED, VideoState.PROCESSING, "START_PROCESSING", null, "t"));
    quiet.add(moved(VideoState.PROCESSING, VideoState.REJECTED_INPUT, "REJECT_INPUT", null, "t"));
    quiet.add(moved(VideoState.PROCESSING, VideoState.FAILED, "FAIL", null, "t"));
    quiet.add(moved(VideoState.PUBLISHED, VideoState.ARCHIVED, "ARCHIVE", "admin", "t"));
    quiet.add(moved(VideoState.IN_REVIEW, VideoState.SUPERSEDED, "SUPERSEDE", "t", "t"));
    quiet.add(moved(VideoState.PUBLISHED, VideoState.SUPERSEDED, "SUPERSEDE", "c", "t"));
    for (VideoTransitioned move : quiet) {
      assertFalse(plan(move).isPresent(), move.transition());
    }
  }

  @Test
  void the_critics_are_looked_up_only_when_a_version_waits() {
    AtomicInteger asked = new AtomicInteger();
    Supplier<List<String>> critics =
        () -> {
          asked.incrementAndGet();
          return CRITICS;
        };
    NotificationPlan.of(
        moved(VideoState.IN_REVIEW, VideoState.CHANGES_REQUESTED, "REQUEST_CHANGES", "c", "t"),
        critics);
    NotificationPlan.of(
        moved(VideoState.PUBLISHED, VideoState.ARCHIVED, "ARCHIVE", "t", "t"), critics);
    assertEquals(0, asked.get());
    NotificationPlan.of(moved(null, VideoState.IN_REVIEW, "DERIVE", "t", "t"), critics);
    assertEquals(1, asked.get());
  }
}
