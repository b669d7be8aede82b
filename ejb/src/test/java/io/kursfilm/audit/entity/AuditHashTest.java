package io.kursfilm.audit.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kursfilm.audit.boundary.Action;
import io.kursfilm.audit.boundary.AuditEvent;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditHashTest {

  private static final Instant T = Instant.parse("2026-01-02T03:04:05.123456789Z");

  @Test
  void same_content_gives_the_same_hash_and_it_is_sha256_hex() {
    String a = AuditHash.of("c", 1, "t", 5, "u", "LOGIN", "user", "u", "{}", AuditHash.GENESIS);
    String b = AuditHash.of("c", 1, "t", 5, "u", "LOGIN", "user", "u", "{}", AuditHash.GENESIS);
    assertEquals(a, b);
    assertEquals(64, a.length());
  }

  @Test
  void every_field_changes_the_hash() {
    String base = AuditHash.of("c", 1, "t", 5, "u", "LOGIN", "s", "i", "{}", AuditHash.GENESIS);
    assertNotEquals(
        base, AuditHash.of("d", 1, "t", 5, "u", "LOGIN", "s", "i", "{}", AuditHash.GENESIS));
    assertNotEquals(
        base, AuditHash.of("c", 2, "t", 5, "u", "LOGIN", "s", "i", "{}", AuditHash.GENESIS));
    assertNotEquals(
        base, AuditHash.of("c", 1, null, 5, "u", "LOGIN", "s", "i", "{}", AuditHash.GENESIS));
    assertNotEquals(
        base, AuditHash.of("c", 1, "t", 6, "u", "LOGIN", "s", "i", "{}", AuditHash.GENESIS));
    assertNotEquals(
        base, AuditHash.of("c", 1, "t", 5, "v", "LOGIN", "s", "i", "{}", AuditHash.GENESIS));
    assertNotEquals(
        base, AuditHash.of("c", 1, "t", 5, "u", "LOGOUT", "s", "i", "{}", AuditHash.GENESIS));
    assertNotEquals(
        base, AuditHash.of("c", 1, "t", 5, "u", "LOGIN", "x", "i", "{}", AuditHash.GENESIS));
    assertNotEquals(
        base, AuditHash.of("c", 1, "t", 5, "u", "LOGIN", "s", "j", "{}", AuditHash.GENESIS));
    assertNotEquals(
        base,
        AuditHash.of("c", 1, "t", 5, "u", "LOGIN", "s", "i", "{\"a\":\"1\"}", AuditHash.GENESIS));
    assertNotEquals(
        base, AuditHash.of("c", 1, "t", 5, "u", "LOGIN", "s", "i", "{}", "1".repeat(64)));
  }

  @Test
  void field_boundaries_and_nulls_are_unambiguous() {
    // "ab" + "" must not collide with "a" + "b", nor null with the empty string.
    assertNotEquals(
        AuditHash.of("ab", 1, "", 5, null, "A", null, null, "{}", AuditHash.GENESIS),
        AuditHash.of("a", 1, "b", 5, null, "A", null, null, "{}", AuditHash.GENESIS));
    assertNotEquals(
        AuditHash.of("c", 1, null, 5, null, "A", null, null, "{}", AuditHash.GENESIS),
        AuditHash.of("c", 1, "", 5, null, "A", null, null, "{}", AuditHash.GENESIS));
  }

  @Test
  void details_are_canonical_sorted_json_and_read_back() {
    String json = AuditHash.details(Map.of("z", "1", "a", "x-2"));
    assertEquals("{\"a\":\"x-2\",\"z\":\"1\"}", json);
    assertEquals(Map.of("a", "x-2", "z", "1"), AuditHash.parseDetails(json));
    assertEquals("{}", AuditHash.details(Map.of()));
  }

  @Test
  void an_entry_hashes_what_the_database_keeps_microseconds() {
    AuditEntry entry =
        new AuditEntry(AuditEvent.of(Action.LOGIN), "t1", "u1", 1, AuditHash.GENESIS, T);
    assertEquals(Instant.parse("2026-01-02T03:04:05.123456Z"), entry.occurredAt());
    assertEquals(entry.hash(), entry.computeHash());
    assertEquals("t1", entry.chainId());
    assertEquals(
        AuditEntry.PLATFORM_CHAIN,
        new AuditEntry(AuditEvent.of(Action.LOGIN), null, null, 1, AuditHash.GENESIS, T).chainId());
  }

  @Test
  void events_refuse_anything_that_could_be_personal_data() {
    AuditEvent event = AuditEvent.of(Action.EXPORT);
    assertThrows(IllegalArgumentException.class, () -> event.detail("email", "a@b.example"));
    assertThrows(IllegalArgumentException.class, () -> event.detail("name", "Max Mustermann"));
    assertThrows(IllegalArgumentException.class, () -> event.subject("user", "x@y.example"));
    event.detail("count", 8).subject("user", "0b7c7f1e-4f7e-4d59-9a39-2d7c0c3f1a10");
    assertEquals("8", event.details().get("count"));
  }

  @Test
  void platform_tenant_events_land_on_the_platform_chain() {
    assertEquals(null, AuditEvent.of(Action.LOGIN).tenant("id-1", "platform").tenantId());
    assertEquals("id-2", AuditEvent.of(Action.LOGIN).tenant("id-2", "demo").tenantId());
    AuditEvent failed = AuditEvent.login(false, "id-2", "demo", "user-1");
    assertEquals(Action.LOGIN_FAILED, failed.action());
    assertEquals(null, failed.actorId());
    assertEquals("user-1", failed.subjectId());
  }
}
