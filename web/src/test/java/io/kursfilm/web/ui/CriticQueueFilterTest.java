package io.kursfilm.web.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kursfilm.review.boundary.QueueItem;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CriticQueueFilterTest {

  private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");

  private static CriticQueueBean.Row waiting(String title, String uploaderId, int days) {
    return new CriticQueueBean.Row(
        new QueueItem(
            "v-" + title,
            1,
            title,
            uploaderId,
            "Name of " + uploaderId,
            30L,
            NOW.minus(Duration.ofDays(days)).minusSeconds(1),
            0,
            1,
            false));
  }

  private static final List<CriticQueueBean.Row> QUEUE =
      List.of(
          waiting("Fire safety", "anna", 8),
          waiting("Forklift basics", "ben", 2),
          waiting("Safety shoes", "ben", 0));

  private static List<String> titles(List<CriticQueueBean.Row> rows) {
    return rows.stream().map(CriticQueueBean.Row::getTitle).toList();
  }

  @Test
  void blank_filters_keep_the_whole_queue_in_its_order() {
    assertEquals(
        List.of("Fire safety", "Forklift basics", "Safety shoes"),
        titles(CriticQueueBean.filter(QUEUE, "  ", "", 0, NOW)));
  }

  @Test
  void title_search_ignores_case_and_surrounding_blanks() {
    assertEquals(
        List.of("Fire safety", "Safety shoes"),
        titles(CriticQueueBean.filter(QUEUE, " SAFETY ", null, 0, NOW)));
  }

  @Test
  void uploader_filter_keeps_that_uploaders_versions_only() {
    assertEquals(
        List.of("Forklift basics", "Safety shoes"),
        titles(CriticQueueBean.filter(QUEUE, null, "ben", 0, NOW)));
  }

  @Test
  void waiting_filter_keeps_versions_waiting_at_least_that_many_days() {
    assertEquals(
        List.of("Fire safety", "Forklift basics"),
        titles(CriticQueueBean.filter(QUEUE, null, null, 1, NOW)));
    assertEquals(List.of("Fire safety"), titles(CriticQueueBean.filter(QUEUE, null, null, 7, NOW)));
  }

  @Test
  void filters_combine() {
    assertEquals(List.of(), titles(CriticQueueBean.filter(QUEUE, "fire", "ben", 0, NOW)));
  }
}
