package io.kursfilm.notification.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kursfilm.notification.boundary.NotificationKind;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NotificationTest {

  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  @Test
  void the_first_read_counts_and_a_second_click_does_not_move_it() {
    Notification n = new Notification("u", NotificationKind.APPROVED, "v", 1, T0);
    assertEquals(Optional.empty(), n.readAt());
    assertTrue(n.markRead(T0.plusSeconds(5)));
    assertFalse(n.markRead(T0.plusSeconds(9)));
    assertEquals(Optional.of(T0.plusSeconds(5)), n.readAt());
  }

  @Test
  void it_belongs_to_its_person_only() {
    Notification n = new Notification("u", NotificationKind.REVIEW_WAITING, "v", 1, T0);
    assertTrue(n.isFor("u"));
    assertFalse(n.isFor("other"));
    assertFalse(n.isFor(null));
  }

  @Test
  void person_kind_and_video_are_required() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new Notification(null, NotificationKind.APPROVED, "v", 1, T0));
    assertThrows(IllegalArgumentException.class, () -> new Notification("u", null, "v", 1, T0));
    assertThrows(
        IllegalArgumentException.class,
        () -> new Notification("u", NotificationKind.APPROVED, null, 1, T0));
  }

  @Test
  void times_are_kept_as_the_database_keeps_them() {
    Notification n =
        new Notification("u", NotificationKind.APPROVED, "v", 1, T0.plusNanos(123_456_789));
    n.markRead(T0.plusNanos(987_654_321));
    assertEquals(T0.plusNanos(123_456_000), n.createdAt());
    assertEquals(Optional.of(T0.plusNanos(987_654_000)), n.readAt());
  }
}
