package io.kursfilm.storage.keys;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kursfilm.storage.testing.HandClock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Which states open and seal, and how long a state read from the database is trusted. */
class TenantGateTest {

  /** The tenant table, counting reads. */
  static final class Table implements TenantStates {
    final Map<String, String> rows = new ConcurrentHashMap<>();
    final AtomicInteger reads = new AtomicInteger();

    @Override
    public Optional<String> stateOf(String tenantId) {
      reads.incrementAndGet();
      return Optional.ofNullable(rows.get(tenantId));
    }
  }

  final Table table = new Table();
  final HandClock clock = new HandClock();
  final TenantGate gate = new TenantGate(table, Duration.ofSeconds(5), clock);

  @Test
  void active_tenant_is_readable_and_writable() {
    table.rows.put("t1", "ACTIVE");

    assertDoesNotThrow(() -> gate.requireReadable("t1"));
    assertDoesNotThrow(() -> gate.requireWritable("t1"));
    assertTrue(gate.isWritable("t1"));
  }

  @Test
  void offboarding_tenant_is_readable_for_the_export_but_takes_nothing_new() {
    table.rows.put("t1", "OFFBOARDING");

    assertDoesNotThrow(() -> gate.requireReadable("t1"));
    TenantClosedException e =
        assertThrows(TenantClosedException.class, () -> gate.requireWritable("t1"));
    assertTrue(e.getMessage().contains("OFFBOARDING"), e.getMessage());
    assertFalse(gate.isWritable("t1"));
  }

  @Test
  void shredded_unknown_or_missing_tenant_is_neither_readable_nor_writable() {
    table.rows.put("t1", "SHREDDED");
    table.rows.put("t2", "SOMETHING_NEW");

    for (String tenant : new String[] {"t1", "t2", "t3"}) {
      assertThrows(TenantClosedException.class, () -> gate.requireReadable(tenant), tenant);
      assertThrows(TenantClosedException.class, () -> gate.requireWritable(tenant), tenant);
    }
  }

  @Test
  void state_is_trusted_for_its_ttl_and_read_again_after_it() {
    table.rows.put("t1", "ACTIVE");
    gate.requireWritable("t1");
    table.rows.put("t1", "SHREDDED");

    clock.advance(Duration.ofMillis(4_999));
    gate.requireReadable("t1");
    gate.requireWritable("t1");
    assertEquals(1, table.reads.get(), "one database read within the TTL");

    clock.advance(Duration.ofMillis(1));
    assertThrows(TenantClosedException.class, () -> gate.requireReadable("t1"));
    assertEquals(2, table.reads.get());
  }

  @Test
  void a_forgotten_state_is_read_again_at_once_within_the_ttl() {
    table.rows.put("t1", "ACTIVE");
    table.rows.put("t2", "ACTIVE");
    gate.requireWritable("t1");
    gate.requireWritable("t2");
    table.rows.put("t1", "SHREDDED");
    table.rows.put("t2", "SHREDDED");

    gate.forget("t1");

    assertThrows(TenantClosedException.class, () -> gate.requireReadable("t1"));
    assertDoesNotThrow(() -> gate.requireReadable("t2"), "only the forgotten tenant is read again");
  }

  @Test
  void a_missing_row_is_not_remembered_so_a_tenant_being_created_is_seen_at_once() {
    assertThrows(TenantClosedException.class, () -> gate.requireWritable("t1"));
    table.rows.put("t1", "ACTIVE");

    assertDoesNotThrow(() -> gate.requireWritable("t1"));
  }

  @Test
  void tenants_are_cached_apart() {
    table.rows.put("t1", "ACTIVE");
    table.rows.put("t2", "ACTIVE");
    gate.requireWritable("t1");
    gate.requireWritable("t2");
    table.rows.put("t1", "SHREDDED");
    clock.advance(Duration.ofSeconds(5));

    assertThrows(TenantClosedException.class, () -> gate.requireReadable("t1"));
    assertDoesNotThrow(() -> gate.requireWritable("t2"));
  }

  @Test
  void a_ttl_beyond_five_seconds_is_refused() {
    assertThrows(
        IllegalArgumentException.class, () -> new TenantGate(table, Duration.ofSeconds(6), clock));
    assertDoesNotThrow(() -> new TenantGate(table, Duration.ZERO, clock));
  }

  @Test
  void a_database_failure_closes_the_tenant_instead_of_trusting_it() {
    TenantGate failing =
        new TenantGate(
            id -> {
              throw new KeyStoreException("cannot read tenant state");
            },
            Duration.ofSeconds(5),
            clock);

    assertThrows(KeyStoreException.class, () -> failing.requireReadable("t1"));
  }
}
