package io.kursfilm.video.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class GuestLinkTest {

  private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

  private static GuestLink link(Instant expires) {
    return new GuestLink("video", "hash", "Kunde", "pbkdf2", "trainer", NOW, expires);
  }

  @Test
  void a_link_opens_until_it_expires_or_is_revoked() {
    GuestLink link = link(NOW.plusSeconds(60));
    assertTrue(link.opensAt(NOW));
    assertFalse(link.opensAt(NOW.plusSeconds(60)), "the end is exclusive");
    link.revoke(NOW.plusSeconds(1));
    assertFalse(link.opensAt(NOW.plusSeconds(2)));
    link.revoke(NOW.plusSeconds(5));
    assertEquals(
        NOW.plusSeconds(1), link.revokedAt().orElseThrow(), "revoking twice changes nothing");
  }

  @Test
  void an_end_in_the_past_or_beyond_a_year_is_refused() {
    assertThrows(IllegalArgumentException.class, () -> link(NOW));
    assertThrows(IllegalArgumentException.class, () -> link(NOW.plus(Duration.ofDays(400))));
    assertThrows(
        IllegalArgumentException.class,
        () -> new GuestLink("v", "h", "x".repeat(201), null, "t", NOW, NOW.plusSeconds(9)));
  }

  @Test
  void five_wrong_passwords_block_for_a_doubling_while_and_an_opening_resets() {
    GuestLink link = link(NOW.plus(Duration.ofDays(1)));
    for (int i = 0; i < 4; i++) {
      link.passwordFailed(NOW);
      assertFalse(link.blockedAt(NOW), "guess " + (i + 1) + " is free");
    }
    link.passwordFailed(NOW);
    assertTrue(link.blockedAt(NOW.plusSeconds(59)));
    assertFalse(link.blockedAt(NOW.plusSeconds(60)));
    link.passwordFailed(NOW.plusSeconds(60));
    assertTrue(link.blockedAt(NOW.plusSeconds(60 + 119)), "two minutes after the sixth");
    for (int i = 0; i < 20; i++) {
      link.passwordFailed(NOW);
    }
    assertEquals(
        NOW.plus(Duration.ofHours(1)), link.blockedUntil().orElseThrow(), "at most an hour");
    link.opened();
    assertFalse(link.blockedAt(NOW));
    assertEquals(1, link.openings());
  }
}
