package io.kursfilm.web.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kursfilm.review.boundary.CommentView;
import io.kursfilm.review.boundary.ReviewView;
import io.kursfilm.video.boundary.VersionView;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReviewRowsTest {

  private static final Instant AT = Instant.parse("2026-03-10T12:00:00Z");

  private static CommentView comment(String id, int version, Integer atSecond) {
    return new CommentView(id, version, atSecond, "<b>look</b>", "u-critic", "Critic", AT);
  }

  @Test
  void positions_are_written_as_minutes_and_seconds_and_hours_from_an_hour() {
    assertEquals("0:05", Times.clock(5));
    assertEquals("1:05", Times.clock(65L));
    assertEquals("1:00:05", Times.clock(3605));
    assertEquals("", Times.clock(null));
  }

  @Test
  void a_comment_at_a_second_sits_on_the_timeline_in_proportion_to_the_length() {
    CommentRow row = new CommentRow(comment("c1", 1, 5), 20L);
    assertTrue(row.isMarked());
    assertEquals("25.00", row.getLeft());
    assertEquals("0:05", row.getAt());
    assertEquals("<b>look</b>", row.getText(), "the text stays as typed; the page escapes it");
  }

  @Test
  void a_comment_on_the_whole_version_or_on_another_version_has_no_marker() {
    assertFalse(new CommentRow(comment("c1", 1, null), 20L).isMarked());
    assertFalse(new CommentRow(comment("c2", 1, 5), null).isMarked());
    assertNull(new CommentRow(comment("c3", 1, 5), 0L).getLeft());
  }

  @Test
  void a_marker_never_leaves_the_timeline() {
    assertEquals("100.00", new CommentRow(comment("c1", 1, 21), 20L).getLeft());
  }

  @Test
  void a_version_lists_its_own_decisions_with_their_reasons() {
    VersionView v1 =
        new VersionView(1, "SUPERSEDED", "Intro", "u-trainer", "ab".repeat(32), 12L, null, AT, AT);
    List<ReviewView> decisions =
        List.of(
            new ReviewView("r1", 1, "REQUEST_CHANGES", "u-critic", "Critic", "c9", "x", "y", AT),
            new ReviewView("r2", 2, "APPROVE", "u-critic", "Critic", null, "x", "y", AT));
    VersionRow row =
        new VersionRow(
            v1, 2, decisions, Map.of("u-trainer", "Trainer"), Map.of("c9", "Too dark at 0:05"));
    assertEquals("Trainer", row.getUploader());
    assertEquals("abababababab", row.getMedia());
    assertFalse(row.isPublished());
    assertEquals(1, row.getDecisions().size());
    assertEquals("REQUEST_CHANGES", row.getDecisions().get(0).getDecision());
    assertEquals("Too dark at 0:05", row.getDecisions().get(0).getReason());
  }

  @Test
  void the_published_version_is_marked_and_an_unknown_uploader_shows_no_name() {
    VersionView v2 = new VersionView(2, "PUBLISHED", "Intro", "u-gone", null, 12L, null, AT, AT);
    VersionRow row = new VersionRow(v2, 2, List.of(), Map.of(), Map.of());
    assertTrue(row.isPublished());
    assertEquals("", row.getUploader());
    assertEquals("", row.getMedia());
  }
}
