package io.kursfilm.identity.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kursfilm.kernel.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class AccountTokenTest {

  private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");

  private AccountToken token() {
    return new AccountToken(
        "00000000-0000-0000-0000-000000000001",
        "h".repeat(64),
        "tenant",
        TokenPurpose.INVITATION,
        "i".repeat(64),
        "sealed",
        NOW,
        NOW.plus(Duration.ofHours(72)));
  }

  @Test
  void usable_until_it_expires() {
    AccountToken t = token();
    assertTrue(t.isUsableFor(TokenPurpose.INVITATION, NOW.plus(Duration.ofHours(71))));
    assertFalse(t.isUsableFor(TokenPurpose.INVITATION, NOW.plus(Duration.ofHours(72))));
  }

  @Test
  void serves_only_its_own_purpose() {
    assertFalse(token().isUsableFor(TokenPurpose.PASSWORD_RESET, NOW));
  }

  @Test
  void single_use() {
    AccountToken t = token();
    t.consume(NOW);
    assertFalse(t.isUsableFor(TokenPurpose.INVITATION, NOW));
    assertThrows(IllegalStateException.class, () -> t.consume(NOW));
  }

  @Test
  void invited_roles_round_trip_and_root_is_refused() {
    AccountToken t = token().invitingAs(null, EnumSet.of(Role.TRAINER, Role.CRITIC));
    assertEquals(EnumSet.of(Role.TRAINER, Role.CRITIC), t.invitedRoles());
    assertThrows(
        IllegalArgumentException.class, () -> token().invitingAs(null, EnumSet.of(Role.ROOT)));
  }
}
