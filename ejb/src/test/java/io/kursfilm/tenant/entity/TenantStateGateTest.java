package io.kursfilm.tenant.entity;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kursfilm.storage.keys.TenantClosedException;
import io.kursfilm.storage.keys.TenantGate;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The storage gate reads this enum's names from the tenant table: a state added or renamed here
 * must get a decision there, or its tenant would silently be closed on every node.
 */
class TenantStateGateTest {

  @Test
  void every_state_is_known_to_the_gate() {
    assertEquals(
        EnumSet.of(TenantState.ACTIVE, TenantState.OFFBOARDING, TenantState.SHREDDED),
        EnumSet.allOf(TenantState.class),
        "a new state needs a decision in TenantGate and docs/architecture.md");
  }

  @Test
  void active_reads_and_writes_offboarding_only_reads_shredded_does_neither() {
    assertDoesNotThrow(() -> gate(TenantState.ACTIVE).requireWritable("t"));
    assertDoesNotThrow(() -> gate(TenantState.OFFBOARDING).requireReadable("t"));
    assertThrows(
        TenantClosedException.class, () -> gate(TenantState.OFFBOARDING).requireWritable("t"));
    assertThrows(
        TenantClosedException.class, () -> gate(TenantState.SHREDDED).requireReadable("t"));
  }

  private static TenantGate gate(TenantState state) {
    return new TenantGate(
        id -> Optional.of(state.name()), Duration.ofSeconds(5), Clock.systemUTC());
  }
}
