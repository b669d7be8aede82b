package io.kursfilm.storage.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyStoreBackupTest {

  private static final Instant START = Instant.parse("2025-03-01T00:00:00Z");
  private static final Duration RETENTION = Duration.ofDays(30);
  private static final Duration DAILY = Duration.ofDays(1);

  @TempDir Path root;
  private Path storeDir;
  private Path backupDir;
  private MovableClock clock;
  private LocalKeyStore store;
  private KeyStoreBackup backups;

  @BeforeEach
  void setUp() {
    storeDir = root.resolve("keys");
    backupDir = root.resolve("key-backups");
    clock = new MovableClock(START);
    store = new LocalKeyStore(storeDir, true, Duration.ofMinutes(5), clock);
    backups = new KeyStoreBackup(storeDir, backupDir, RETENTION, DAILY, clock);
  }

  @Test
  void backup_holds_the_wrapped_tenant_keyset_byte_for_byte() throws Exception {
    store.create("t1");

    Path backup = backups.run();

    Path copy = backup.resolve("tenants/t1.json");
    assertTrue(Files.exists(copy));
    assertArrayEquals(
        Files.readAllBytes(storeDir.resolve("tenants/t1.json")), Files.readAllBytes(copy));
    assertEquals(List.of(START), backups.backups());
  }

  @Test
  void backup_holds_the_wrapped_platform_keysets_too() throws Exception {
    store
        .platformKeysets()
        .store(
            "audit-signing",
            com.google.crypto.tink.KeysetHandle.generateNew(
                com.google.crypto.tink.aead.PredefinedAeadParameters.AES256_GCM));

    Path backup = backups.run();

    assertArrayEquals(
        Files.readAllBytes(storeDir.resolve("platform/audit-signing.json")),
        Files.readAllBytes(backup.resolve("platform/audit-signing.json")));
  }

  @Test
  void master_keyset_is_never_copied() throws Exception {
    store.create("t1");
    assertTrue(Files.exists(storeDir.resolve(LocalKeyStore.MASTER_FILE)));

    backups.run();
    clock.advance(DAILY);
    backups.run(); // a second backup, to be sure nothing accumulates differently

    try (Stream<Path> files = Files.walk(backupDir)) {
      assertTrue(
          files.noneMatch(p -> p.getFileName().toString().equals(LocalKeyStore.MASTER_FILE)));
    }
  }

  @Test
  void backups_older_than_the_retention_are_pruned() {
    store.create("t1");
    backups.run(); // day 0
    clock.advance(Duration.ofDays(10));
    backups.run(); // day 10

    clock.advance(Duration.ofDays(20)); // day 30: the first backup's age reaches the retention
    assertEquals(1, backups.prune());
    assertEquals(List.of(START.plus(Duration.ofDays(10))), backups.backups());

    clock.advance(Duration.ofDays(9)); // day 39: the second is 29 days old, still kept
    assertEquals(0, backups.prune());
    assertEquals(1, backups.backups().size());
  }

  @Test
  void key_is_gone_from_backups_after_retention_plus_one_interval() {
    Instant destroyedAt = Instant.parse("2025-03-05T13:20:00Z");

    assertEquals(
        Instant.parse("2025-04-05T13:20:00Z"), backups.keyGoneFromBackupsAfter(destroyedAt));
    KeyStoreBackup sixHourly =
        new KeyStoreBackup(storeDir, backupDir, RETENTION, Duration.ofHours(6), clock);
    assertEquals(
        Instant.parse("2025-04-04T19:20:00Z"), sixHourly.keyGoneFromBackupsAfter(destroyedAt));
    // Without a schedule the date is plain destroyedAt + retention.
    KeyStoreBackup continuous =
        new KeyStoreBackup(storeDir, backupDir, RETENTION, Duration.ZERO, clock);
    assertEquals(destroyedAt.plus(RETENTION), continuous.keyGoneFromBackupsAfter(destroyedAt));
  }

  @Test
  void promised_date_holds_in_the_worst_case_of_a_run_just_before_the_expiry() {
    store.create("t1");
    backups.run(); // 2025-03-01T00:00, the last backup that holds t1
    store.destroy("t1"); // right after it: the worst case for the promise
    Instant gone = backups.keyGoneFromBackupsAfter(clock.instant());

    // The scheduled runs keep their pace; the one just before the backup's expiry keeps it.
    clock.set(START.plus(RETENTION).minusMillis(1));
    backups.run();
    assertTrue(anyBackupHolds("t1"));

    // The next run comes at most one interval later, no later than the promised date.
    clock.set(backups.nextRunAt());
    assertFalse(clock.instant().isAfter(gone));
    backups.run();
    assertFalse(anyBackupHolds("t1"));
  }

  @Test
  void promised_date_is_an_upper_bound_when_destroyed_later_in_the_day() {
    store.create("t1");
    backups.run();
    clock.advance(Duration.ofHours(13));
    store.destroy("t1");
    Instant gone = backups.keyGoneFromBackupsAfter(clock.instant());

    clock.set(gone);
    backups.run();

    assertFalse(anyBackupHolds("t1"));
  }

  @Test
  void a_failing_backup_still_prunes_the_expired_ones() throws Exception {
    store.create("t1");
    backups.run(); // day 0, holds t1
    // A keyset that cannot be read makes every later backup fail.
    Files.createSymbolicLink(
        storeDir.resolve("tenants/broken.json"), storeDir.resolve("tenants/missing.json"));

    clock.advance(RETENTION);
    assertThrows(KeyStoreException.class, () -> backups.run());

    assertEquals(List.of(), backups.backups(), "the expired backup is gone despite the failure");
    try (Stream<Path> entries = Files.list(backupDir)) {
      assertEquals(0, entries.count(), "and the failed one left no partial copy");
    }
  }

  @Test
  void failed_run_is_retried_within_the_interval_not_in_a_tight_loop() {
    assertEquals(START.plus(KeyStoreBackup.MAX_RETRY_DELAY), backups.retryAt());
    KeyStoreBackup everyFiveMinutes =
        new KeyStoreBackup(storeDir, backupDir, RETENTION, Duration.ofMinutes(5), clock);
    assertEquals(START.plus(Duration.ofMinutes(5)), everyFiveMinutes.retryAt());
  }

  @Test
  void next_run_is_one_interval_after_the_newest_backup() {
    backups.run();
    clock.advance(Duration.ofHours(5));

    assertEquals(START.plus(DAILY), backups.nextRunAt());
  }

  @Test
  void run_if_due_skips_a_backup_another_node_took_but_still_prunes() {
    backups.run(); // day 0
    clock.advance(Duration.ofHours(12));
    backups.run(); // day 0.5, by another node sharing the directory
    clock.set(START.plus(RETENTION).plus(Duration.ofHours(1)));
    backups.run(); // day 30 + 1 h: prunes day 0
    clock.advance(Duration.ofHours(12)); // day 30.5 + 1 h: day 0.5 has expired, no run due

    assertEquals(Optional.empty(), backups.runIfDue());

    assertEquals(List.of(START.plus(RETENTION).plus(Duration.ofHours(1))), backups.backups());
  }

  @Test
  void run_if_due_backs_up_when_due() {
    assertTrue(backups.runIfDue().isPresent());
    clock.advance(DAILY);
    assertTrue(backups.runIfDue().isPresent());
    assertEquals(2, backups.backups().size());
  }

  @Test
  void first_run_is_due_at_once() {
    assertEquals(START, backups.nextRunAt());
  }

  @Test
  void run_missed_during_downtime_is_due_at_once() {
    backups.run();
    clock.advance(Duration.ofDays(3)); // no node was up for three days

    assertEquals(clock.instant(), backups.nextRunAt());
  }

  @Test
  void schedule_survives_a_restart_through_the_backup_names() {
    backups.run();
    clock.advance(Duration.ofHours(20));

    KeyStoreBackup afterRestart = new KeyStoreBackup(storeDir, backupDir, RETENTION, DAILY, clock);

    assertEquals(START.plus(DAILY), afterRestart.nextRunAt());
  }

  @Test
  void prune_removes_exactly_the_backups_whose_age_reached_the_retention() {
    backups.run(); // day 0
    clock.advance(Duration.ofHours(12));
    backups.run(); // day 0.5
    clock.set(START.plus(RETENTION).minusMillis(1));

    assertEquals(0, backups.prune());
    clock.set(START.plus(RETENTION));
    assertEquals(1, backups.prune());
    assertEquals(List.of(START.plus(Duration.ofHours(12))), backups.backups());
  }

  @Test
  void two_backups_at_the_same_instant_fail_clearly_and_leave_no_partial() throws Exception {
    backups.run();

    KeyStoreException e = assertThrows(KeyStoreException.class, () -> backups.run());

    assertTrue(e.getMessage().contains("already exists"), e.getMessage());
    try (Stream<Path> entries = Files.list(backupDir)) {
      assertEquals(1, entries.count());
    }
  }

  @Test
  void purge_removes_the_tenant_from_every_backup_and_leaves_others() {
    store.create("t1");
    store.create("t2");
    backups.run();
    clock.advance(DAILY);
    backups.run();

    store.destroy("t1");
    assertEquals(2, backups.purgeTenant("t1"));

    assertFalse(anyBackupHolds("t1"));
    assertTrue(anyBackupHolds("t2"));
    assertEquals(0, backups.purgeTenant("t1"));
  }

  @Test
  void purge_rejects_ids_that_would_escape_the_backup() {
    assertThrows(IllegalArgumentException.class, () -> backups.purgeTenant("../keys/master"));
  }

  @Test
  void backup_directory_inside_the_key_store_is_refused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new KeyStoreBackup(storeDir, storeDir.resolve("backups"), RETENTION, DAILY, clock));
  }

  private boolean anyBackupHolds(String tenantId) {
    try (Stream<Path> files = Files.walk(backupDir)) {
      return files.anyMatch(p -> p.getFileName().toString().equals(tenantId + ".json"));
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  /** A clock the test moves by hand. */
  private static final class MovableClock extends Clock {
    private Instant now;

    MovableClock(Instant start) {
      this.now = start;
    }

    void advance(Duration by) {
      now = now.plus(by);
    }

    void set(Instant to) {
      now = to;
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
