package io.kursfilm.web.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kursfilm.audit.control.CheckpointSigner;
import io.kursfilm.audit.entity.AuditHash;
import io.kursfilm.storage.objects.ObjectStore;
import io.kursfilm.web.ItEnvironment;
import io.kursfilm.web.testing.RestClient;
import io.kursfilm.web.testing.SharedApp;
import io.kursfilm.web.testing.TenantRows;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The audit log, black-box: events are written by real logins and reads, the table is inspected and
 * tampered with directly over JDBC in the same MariaDB the app uses (as the schema owner: the app's
 * own account may not rewrite it), checkpoints are deleted in the object store, and the verifier
 * (REST and the infra/audit-verify script) must name the first broken sequence. Tampering happens
 * on fresh tenants only, so every case has a chain of its own and the demo chains stay intact.
 */
@ExtendWith(SharedApp.class)
class AuditIT {

  private static final String PW = ItEnvironment.demoPassword();

  final URL base = SharedApp.base();

  @BeforeAll
  static void s3() throws Exception {
    ItEnvironment.s3();
  }

  private static boolean inheritedChainsReanchored;

  /**
   * The database is shared with the IT classes that ran before this one, and Arquillian stops their
   * Payara without the shutdown pass, so their last entries may have no checkpoint while the newest
   * is older than two (short, test) intervals: what a crash followed by a pause looks like. As an
   * operator would, once, re-anchor the demo tenants' chains this class verifies.
   */
  @BeforeEach
  void reanchorInheritedChains() throws Exception {
    if (inheritedChainsReanchored) {
      return;
    }
    String root = api().login("platform", "root@kursfilm.example", PW);
    for (String slug : List.of("demo", "acme")) {
      RestClient.Reply reply =
          api().post("api/v1/audit/checkpoints?accept-stale=" + slug, root, empty());
      assertEquals(200, reply.status(), reply.body());
    }
    inheritedChainsReanchored = true;
  }

  private RestClient api() {
    return new RestClient(base);
  }

  @Test
  void a_login_writes_one_LOGIN_and_a_failed_login_one_LOGIN_FAILED() throws Exception {
    String demo = tenantId("demo");
    long logins = count(demo, "LOGIN");
    long failures = count(demo, "LOGIN_FAILED");
    long platformFailures = count("platform", "LOGIN_FAILED");

    api().login("demo", "trainer@demo.example", PW);
    assertEquals(logins + 1, count(demo, "LOGIN"));
    assertEquals(failures, count(demo, "LOGIN_FAILED"));

    RestClient.Reply wrong =
        api()
            .post(
                "api/v1/sessions",
                null,
                RestClient.credentials("demo", "trainer@demo.example", PW + "x"));
    assertEquals(401, wrong.status());
    assertEquals(failures + 1, count(demo, "LOGIN_FAILED"));
    assertEquals(logins + 1, count(demo, "LOGIN"));

    api().post("api/v1/sessions", null, RestClient.credentials("no-such-co", "x@y.example", PW));
    assertEquals(platformFailures + 1, count("platform", "LOGIN_FAILED"));

    try (Connection db = db();
        PreparedStatement q =
            db.prepareStatement(
                "SELECT actor_id, subject_type, subject_id FROM audit_entry WHERE chain_id = ?"
                    + " AND action = 'LOGIN_FAILED' ORDER BY seq DESC LIMIT 1")) {
      q.setString(1, demo);
      try (ResultSet rs = q.executeQuery()) {
        assertTrue(rs.next());
        assertNull(rs.getString(1), "nobody is known to have acted");
        assertEquals("user", rs.getString(2));
        assertEquals(36, rs.getString(3).length(), "the attacked account by id");
      }
    }
  }

  @Test
  void reading_the_user_list_writes_one_PARTICIPANTS_READ() throws Exception {
    String acme = tenantId("acme");
    String admin = api().login("acme", "admin@acme.example", PW);
    long before = count(acme, "PARTICIPANTS_READ");

    assertEquals(200, api().get("api/v1/users", admin).status());

    assertEquals(before + 1, count(acme, "PARTICIPANTS_READ"));
    JsonObject newest =
        api().get("api/v1/audit?action=PARTICIPANTS_READ&limit=1", admin).array().getJsonObject(0);
    assertEquals("8", newest.getJsonObject("details").getString("count"));
    assertEquals(acme, newest.getString("tenantId"));
  }

  @Test
  void single_user_reads_pending_lists_logouts_and_roots_audit_reads_are_recorded_by_id()
      throws Exception {
    String acme = tenantId("acme");
    String admin = api().login("acme", "admin@acme.example", PW);
    String trainerId =
        api().get("api/v1/users", admin).array().getValuesAs(JsonObject.class).stream()
            .filter(u -> u.getString("email").equals("trainer@acme.example"))
            .findFirst()
            .orElseThrow()
            .getString("id");

    assertEquals(200, api().get("api/v1/users/" + trainerId, admin).status());
    assertEquals(200, api().get("api/v1/invitations", admin).status());
    assertEquals(200, api().get("api/v1/deletion-requests", admin).status());
    String root = api().login("platform", "root@kursfilm.example", PW);
    assertEquals(200, api().get("api/v1/audit?tenant=acme&limit=5", root).status());
    String critic = api().login("acme", "critic@acme.example", PW);
    String criticId = newest(acme, "LOGIN")[0];
    assertEquals(204, api().delete("api/v1/sessions/current", critic).status());

    assertArrayEquals(new String[] {adminId(admin), "user", trainerId}, newest(acme, "USER_READ"));
    assertEquals("invitations", newest(acme, "INVITATIONS_READ")[1]);
    assertEquals("deletion-requests", newest(acme, "DELETION_REQUESTS_READ")[1]);
    String[] auditRead = newest(acme, "AUDIT_READ");
    assertEquals(rootId(), auditRead[0], "the operator, in acme's own chain");
    assertEquals(acme, auditRead[2]);
    assertArrayEquals(new String[] {criticId, "user", criticId}, newest(acme, "LOGOUT"));
    assertNoPersonalData(
        acme, "USER_READ", "INVITATIONS_READ", "DELETION_REQUESTS_READ", "AUDIT_READ", "LOGOUT");
  }

  @Test
  void users_created_with_a_tenant_are_recorded_on_the_platform_chain() throws Exception {
    Fresh t = freshTenant();
    String adminId = adminId(t.token);

    try (Connection db = db();
        PreparedStatement q =
            db.prepareStatement(
                "SELECT subject_type, details FROM audit_entry WHERE chain_id = 'platform'"
                    + " AND action = 'USER_CREATED' AND subject_id = ?")) {
      q.setString(1, adminId);
      try (ResultSet rs = q.executeQuery()) {
        assertTrue(rs.next(), "USER_CREATED of the first admin");
        assertEquals("user", rs.getString(1));
        assertTrue(rs.getString(2).contains(t.id), rs.getString(2));
        assertFalse(rs.getString(2).contains("@"));
      }
    }
  }

  /** actor, subject type and subject id of the newest entry of {@code action} in {@code chain}. */
  private static String[] newest(String chain, String action) throws Exception {
    try (Connection db = db();
        PreparedStatement q =
            db.prepareStatement(
                "SELECT actor_id, subject_type, subject_id FROM audit_entry WHERE chain_id = ?"
                    + " AND action = ? ORDER BY seq DESC LIMIT 1")) {
      q.setString(1, chain);
      q.setString(2, action);
      try (ResultSet rs = q.executeQuery()) {
        assertTrue(rs.next(), "an entry " + action + " in " + chain);
        return new String[] {rs.getString(1), rs.getString(2), rs.getString(3)};
      }
    }
  }

  private static void assertNoPersonalData(String chain, String... actions) throws Exception {
    try (Connection db = db()) {
      for (String action : actions) {
        try (PreparedStatement q =
            db.prepareStatement(
                "SELECT CONCAT_WS('|', actor_id, subject_type, subject_id, details) FROM"
                    + " audit_entry WHERE chain_id = ? AND action = ?")) {
          q.setString(1, chain);
          q.setString(2, action);
          try (ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
              String row = rs.getString(1);
              assertFalse(row.contains("@") || row.contains("acme.example"), action + ": " + row);
            }
          }
        }
      }
    }
  }

  /** The id of the tenant's admin (admin@...), as the admin's own user list gives it. */
  private String adminId(String token) throws Exception {
    return api().get("api/v1/users", token).array().getValuesAs(JsonObject.class).stream()
        .filter(u -> u.getString("email").startsWith("admin@"))
        .findFirst()
        .orElseThrow()
        .getString("id");
  }

  private static String rootId() throws Exception {
    return newest("platform", "LOGIN")[0];
  }

  @Test
  void the_verifier_says_valid_on_an_intact_chain() throws Exception {
    String admin = api().login("demo", "admin@demo.example", PW);
    JsonObject result = api().get("api/v1/audit/verify", admin).json();

    assertTrue(result.getBoolean("valid"), result.toString());
    assertTrue(result.getJsonNumber("checked").longValue() >= 1);
    assertFalse(result.containsKey("firstBrokenSequence"));
    assertEquals(0, script("demo", "admin@demo.example", PW, null), "infra/audit-verify exit code");
  }

  @Test
  void an_edited_action_is_the_first_broken_sequence() throws Exception {
    Fresh t = freshTenant();
    update("UPDATE audit_entry SET action = 'LOGOUT' WHERE chain_id = ? AND seq = 2", t.id);

    assertBrokenAt(t, 2, "altered_entry");
    assertEquals(1, script(t.slug, t.adminEmail, t.password, null), "script reports the break");
  }

  @Test
  void a_deleted_entry_is_detected() throws Exception {
    Fresh t = freshTenant();
    update("DELETE FROM audit_entry WHERE chain_id = ? AND seq = 2", t.id);

    assertBrokenAt(t, 2, "missing_entry");
  }

  @Test
  void swapped_sequence_numbers_are_detected() throws Exception {
    Fresh t = freshTenant();
    try (Connection db = db()) {
      db.setAutoCommit(false);
      exec(db, "UPDATE audit_entry SET seq = -1 WHERE chain_id = ? AND seq = 2", t.id);
      exec(db, "UPDATE audit_entry SET seq = 2 WHERE chain_id = ? AND seq = 3", t.id);
      exec(db, "UPDATE audit_entry SET seq = 3 WHERE chain_id = ? AND seq = -1", t.id);
      db.commit();
    }

    assertBrokenAt(t, 2, "broken_link");
  }

  @Test
  void a_truncated_tail_is_caught_by_the_signed_checkpoint() throws Exception {
    Fresh t = freshTenant();
    checkpointNow();
    JsonObject before = verify(t);
    assertTrue(before.getBoolean("valid"), before.toString());
    assertEquals(4, chainOf(before).getJsonNumber("checkpointSequence").longValue());

    // Cut the last entry and rewrite the head to match: consistent in the database itself.
    try (Connection db = db()) {
      db.setAutoCommit(false);
      exec(db, "DELETE FROM audit_entry WHERE chain_id = ? AND seq = 4", t.id);
      try (PreparedStatement head =
          db.prepareStatement(
              "UPDATE audit_chain SET last_seq = 3, last_hash = (SELECT hash FROM audit_entry"
                  + " WHERE chain_id = ? AND seq = 3) WHERE chain_id = ?")) {
        head.setString(1, t.id);
        head.setString(2, t.id);
        head.executeUpdate();
      }
      db.commit();
    }

    assertBrokenAt(t, 4, "checkpoint_mismatch");
  }

  @Test
  void a_rewritten_tail_with_recomputed_hashes_is_caught_by_the_signed_checkpoint()
      throws Exception {
    Fresh t = freshTenant();
    checkpointNow();

    // A careful attacker edits the last entry and recomputes its hash and the head.
    String forged = rehashLastAs(t.id, 4, "LOGOUT");

    assertBrokenAt(t, 4, "checkpoint_mismatch");
    assertEquals(64, forged.length());
  }

  @Test
  void the_audit_table_holds_no_email_or_name_in_clear() throws Exception {
    api().post("api/v1/sessions", null, RestClient.credentials("demo", "nobody@demo.example", PW));
    api().login("demo", "employee1@demo.example", PW);
    String all =
        "CONCAT_WS('|', id, chain_id, seq, tenant_id, occurred_at, actor_id, action,"
            + " subject_type, subject_id, details, prev_hash, hash)";
    try (Connection db = db()) {
      assertTrue(single(db, "SELECT COUNT(*) FROM audit_entry") > 0);
      // Names would stand in the JSON details as the start of a string value ("Critic…): matched
      // so, a setting's key such as requireCriticApproval is not taken for a name (LIKE ignores
      // case here, which keeps role names such as "CRITIC" out of the details too).
      for (String needle :
          List.of(
              "@",
              "\"Admin",
              "\"Trainer",
              "\"Critic",
              "\"Employee",
              "\"Platform operator",
              "demo.example")) {
        try (PreparedStatement q =
            db.prepareStatement("SELECT COUNT(*) FROM audit_entry WHERE " + all + " LIKE ?")) {
          q.setString(1, "%" + needle + "%");
          try (ResultSet rs = q.executeQuery()) {
            rs.next();
            assertEquals(0, rs.getLong(1), "audit rows containing " + needle);
          }
        }
      }
    }
  }

  @Test
  void acme_admin_reads_and_verifies_only_acme() throws Exception {
    String acme = tenantId("acme");
    String demo = tenantId("demo");
    String acmeAdmin = api().login("acme", "admin@acme.example", PW);
    api().login("demo", "critic@demo.example", PW); // something fresh in demo's chain

    RestClient.Reply own = api().get("api/v1/audit?limit=500", acmeAdmin);
    assertEquals(200, own.status(), own.body());
    Set<String> tenants =
        own.array().stream()
            .map(JsonValue::asJsonObject)
            .map(e -> e.getString("tenantId"))
            .collect(Collectors.toSet());
    assertEquals(Set.of(acme), tenants);
    assertEquals(403, api().get("api/v1/audit?tenant=demo", acmeAdmin).status());
    assertEquals(403, api().get("api/v1/audit/verify?tenant=demo", acmeAdmin).status());
    JsonObject verified = api().get("api/v1/audit/verify", acmeAdmin).json();
    assertEquals(1, verified.getJsonArray("chains").size());
    assertEquals(acme, chainOf(verified).getString("chain"));

    String root = api().login("platform", "root@kursfilm.example", PW);
    Set<String> demoOnly =
        api().get("api/v1/audit?tenant=demo&limit=500", root).array().stream()
            .map(JsonValue::asJsonObject)
            .map(e -> e.getString("tenantId"))
            .collect(Collectors.toSet());
    assertEquals(Set.of(demo), demoOnly);
    JsonObject demoChain = api().get("api/v1/audit/verify?tenant=demo", root).json();
    assertTrue(demoChain.getBoolean("valid"), demoChain.toString());
  }

  @Test
  void employees_and_anonymous_callers_are_refused() throws Exception {
    String employee = api().login("demo", "employee2@demo.example", PW);
    String admin = api().login("demo", "admin@demo.example", PW);

    assertEquals(403, api().get("api/v1/audit", employee).status());
    assertEquals(403, api().get("api/v1/audit/verify", employee).status());
    assertEquals(401, api().get("api/v1/audit", null).status());
    assertEquals(403, api().post("api/v1/audit/checkpoints", admin, empty()).status());
  }

  @Test
  void filters_apply_and_bad_input_gets_400() throws Exception {
    String admin = api().login("demo", "admin@demo.example", PW);
    String since = java.time.Instant.now().minus(1, ChronoUnit.HOURS).toString();

    RestClient.Reply logins = api().get("api/v1/audit?action=LOGIN&from=" + since, admin);
    assertEquals(200, logins.status(), logins.body());
    assertFalse(logins.array().isEmpty());
    assertTrue(
        logins.array().stream()
            .allMatch(e -> "LOGIN".equals(e.asJsonObject().getString("action"))));
    assertEquals(400, api().get("api/v1/audit?from=yesterday", admin).status());
    assertEquals(400, api().get("api/v1/audit?action=NOPE", admin).status());
    assertEquals(400, api().get("api/v1/audit?limit=0", admin).status());
    assertEquals("invalid", api().get("api/v1/audit?limit=0", admin).json().getString("error"));
  }

  @Test
  void the_app_account_cannot_update_or_delete_audit_entries() throws Exception {
    Fresh t = freshTenant();
    try (Connection app = appDb()) {
      SQLException update =
          assertThrows(
              SQLException.class,
              () -> exec(app, "UPDATE audit_entry SET action = 'LOGOUT' WHERE chain_id = ?", t.id));
      assertEquals(1142, update.getErrorCode(), update.getMessage());
      SQLException delete =
          assertThrows(
              SQLException.class,
              () -> exec(app, "DELETE FROM audit_entry WHERE chain_id = ?", t.id));
      assertEquals(1142, delete.getErrorCode(), delete.getMessage());
      assertThrows(SQLException.class, () -> exec(app, "TRUNCATE TABLE audit_entry", null));
      assertThrows(SQLException.class, () -> exec(app, "DROP TABLE audit_entry", null));
      // Other tables stay writable for the app.
      assertEquals(
          0, exec(app, "UPDATE audit_chain SET last_seq = last_seq WHERE chain_id = ?", "none"));
    }
    assertEquals(4, single(t.id, "SELECT COUNT(*) FROM audit_entry WHERE chain_id = ?"));
    assertTrue(verify(t).getBoolean("valid"));
  }

  @Test
  void a_deleted_checkpoint_leaves_a_gap_that_is_detected() throws Exception {
    Fresh t = freshTenant();
    checkpointNow();
    api().login(t.slug, t.adminEmail, t.password); // entry 5
    checkpointNow();
    List<Long> numbers = checkpointNumbers(t.id);
    assertTrue(numbers.size() >= 2, numbers.toString());
    assertTrue(verify(t).getBoolean("valid"));

    deleteCheckpoint(t.id, numbers.get(0));

    assertBrokenAt(t, 1, "checkpoint_missing");
  }

  @Test
  void a_rolled_back_checkpoint_with_a_rehashed_tail_is_detected_once_it_is_stale()
      throws Exception {
    Fresh t = freshTenant();
    checkpointNow();
    long kept = checkpointNumbers(t.id).get(checkpointNumbers(t.id).size() - 1);
    // The schedule runs every 10 s here; twice that and the kept checkpoint is stale.
    Thread.sleep(22_000);
    api().login(t.slug, t.adminEmail, t.password); // entry 5
    checkpointNow();
    JsonObject anchored = verify(t);
    assertTrue(anchored.getBoolean("valid"), anchored.toString());
    assertEquals(5, chainOf(anchored).getJsonNumber("checkpointSequence").longValue());

    // Rewrite entry 5 with a matching hash and head, then roll the checkpoints back to the one
    // before it (in this order, so the schedule never sees a consistent chain to anchor).
    rehashLastAs(t.id, 5, "LOGOUT");
    for (long n : checkpointNumbers(t.id)) {
      if (n > kept) {
        deleteCheckpoint(t.id, n);
      }
    }

    assertBrokenAt(t, 5, "checkpoint_stale");
    assertEquals(1, script(t.slug, t.adminEmail, t.password, null), "script reports it");

    // The schedule never re-anchors it; only an operator's explicit, audited decision does.
    checkpointNow();
    assertBrokenAt(t, 5, "checkpoint_stale");
    String root = api().login("platform", "root@kursfilm.example", PW);
    long reanchored = count("platform", "AUDIT_REANCHORED");
    RestClient.Reply accepted =
        api().post("api/v1/audit/checkpoints?accept-stale=" + t.slug, root, empty());
    assertEquals(200, accepted.status(), accepted.body());
    assertEquals(1, accepted.json().getInt("written"));
    assertTrue(verify(t).getBoolean("valid"));
    assertEquals(reanchored + 1, count("platform", "AUDIT_REANCHORED"));
  }

  @Test
  void all_checkpoints_deleted_and_the_chain_rehashed_with_older_times_is_detected()
      throws Exception {
    Fresh t = freshTenant();
    checkpointNow();
    rehashChainShifted(t.id, Duration.ofDays(1)); // first, so the schedule anchors nothing
    // A pass of the schedule already under way reads the entries as they were when its
    // transaction began: wait for it (passes queue up behind this one), then delete what it wrote.
    checkpointNow();
    for (long n : checkpointNumbers(t.id)) {
      deleteCheckpoint(t.id, n);
    }
    assertTrue(checkpointNumbers(t.id).isEmpty(), "the schedule does not anchor a broken chain");

    assertBrokenAt(t, 1, "checkpoint_missing");
  }

  @Test
  void a_missing_signing_key_takes_readiness_down_and_no_new_key_is_made() throws Exception {
    Path keyset = Path.of(System.getenv("KURSFILM_KEYSTORE_DIR"), "platform", "audit-signing.json");
    Path aside = keyset.resolveSibling("audit-signing.json.aside");
    assertEquals("UP", readiness("audit-signing"));
    Files.move(keyset, aside);
    try {
      assertEquals("DOWN", readiness("audit-signing"));
      checkpointNow();
      assertFalse(Files.exists(keyset), "no new signing key made");
    } finally {
      Files.move(aside, keyset);
    }
    assertEquals("UP", readiness("audit-signing"));
  }

  @Test
  void the_script_refuses_checkpoints_verified_with_another_key_than_the_pinned_one()
      throws Exception {
    checkpointNow();
    Path own = Path.of(System.getenv("KURSFILM_KEYSTORE_DIR"), "audit-signing-public.json");
    String foreign =
        new CheckpointSigner(CheckpointSigner.generate()).publicKeyset(); // another key, as JSON
    String foreignBase64 =
        Base64.getEncoder().encodeToString(foreign.getBytes(StandardCharsets.UTF_8));

    assertEquals(0, script("demo", "admin@demo.example", PW, null, own.toString()), "own key");
    assertEquals(1, script("demo", "admin@demo.example", PW, null, foreignBase64), "foreign key");
  }

  // --- helpers ---

  private String readiness(String check) throws Exception {
    RestClient.Reply reply = api().get("/health/ready", null);
    return reply.json().getJsonArray("checks").stream()
        .map(JsonValue::asJsonObject)
        .filter(c -> check.equals(c.getString("name")))
        .map(c -> c.getString("status"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no check " + check + " in " + reply.body()));
  }

  /**
   * Rewrites every entry of {@code chain} as if it happened {@code earlier} before, with hashes,
   * links and head recomputed: a consistent chain that no checkpoint anchors.
   */
  private static void rehashChainShifted(String chain, Duration earlier) throws Exception {
    try (Connection db = db()) {
      db.setAutoCommit(false);
      String prev = AuditHash.GENESIS;
      try (PreparedStatement q =
              db.prepareStatement(
                  "SELECT seq, tenant_id, occurred_at, actor_id, action, subject_type, subject_id,"
                      + " details FROM audit_entry WHERE chain_id = ? ORDER BY seq");
          PreparedStatement u =
              db.prepareStatement(
                  "UPDATE audit_entry SET occurred_at = ?, prev_hash = ?, hash = ?"
                      + " WHERE chain_id = ? AND seq = ?")) {
        q.setString(1, chain);
        try (ResultSet rs = q.executeQuery()) {
          while (rs.next()) {
            LocalDateTime at = rs.getObject(3, LocalDateTime.class).minus(earlier);
            long micros =
                ChronoUnit.MICROS.between(java.time.Instant.EPOCH, at.toInstant(ZoneOffset.UTC));
            String hash =
                AuditHash.of(
                    chain,
                    rs.getLong(1),
                    rs.getString(2),
                    micros,
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getString(7),
                    rs.getString(8),
                    prev);
            u.setObject(1, at);
            u.setString(2, prev);
            u.setString(3, hash);
            u.setString(4, chain);
            u.setLong(5, rs.getLong(1));
            assertEquals(1, u.executeUpdate());
            prev = hash;
          }
        }
      }
      try (PreparedStatement h =
          db.prepareStatement("UPDATE audit_chain SET last_hash = ? WHERE chain_id = ?")) {
        h.setString(1, prev);
        h.setString(2, chain);
        assertEquals(1, h.executeUpdate());
      }
      db.commit();
    }
  }

  /** A tenant of its own whose chain holds exactly 4 entries: 3 logins, 1 user-list read. */
  private record Fresh(String slug, String id, String adminEmail, String password, String token) {}

  private Fresh freshTenant() throws Exception {
    String slug = "audit-" + UUID.randomUUID().toString().substring(0, 8);
    String email = "admin@" + slug + ".example";
    String password = "audit-admin-password";
    String root = api().login("platform", "root@kursfilm.example", PW);
    JsonObject request =
        Json.createObjectBuilder()
            .add("slug", slug)
            .add("name", "Audit test " + slug)
            .add("adminEmail", email)
            .add("adminPassword", password)
            .build();
    RestClient.Reply created = api().post("api/v1/tenants", root, request);
    assertEquals(201, created.status(), created.body());
    String id = created.json().getString("id");
    api().login(slug, email, password);
    api().login(slug, email, password);
    String token = api().login(slug, email, password);
    assertEquals(200, api().get("api/v1/users", token).status());
    assertEquals(4, single(id, "SELECT COUNT(*) FROM audit_entry WHERE chain_id = ?"));
    Fresh fresh = new Fresh(slug, id, email, password, token);
    assertTrue(verify(fresh).getBoolean("valid"));
    return fresh;
  }

  private JsonObject verify(Fresh t) throws Exception {
    RestClient.Reply reply = api().get("api/v1/audit/verify", t.token);
    assertEquals(200, reply.status(), reply.body());
    return reply.json();
  }

  private void assertBrokenAt(Fresh t, long sequence, String problem) throws Exception {
    JsonObject result = verify(t);
    assertFalse(result.getBoolean("valid"), result.toString());
    assertEquals(
        sequence, result.getJsonNumber("firstBrokenSequence").longValue(), result.toString());
    assertEquals(problem, chainOf(result).getString("problem"));
  }

  private static JsonObject chainOf(JsonObject verifyResult) {
    return verifyResult.getJsonArray("chains").getJsonObject(0);
  }

  /** Anchors every chain now (the schedule may already have: then nothing new is written). */
  private void checkpointNow() throws Exception {
    String root = api().login("platform", "root@kursfilm.example", PW);
    RestClient.Reply reply = api().post("api/v1/audit/checkpoints", root, empty());
    assertEquals(200, reply.status(), reply.body());
  }

  private static final String CHECKPOINTS = "audit-checkpoint-chain/";

  private static ObjectStore objects() throws Exception {
    return new ObjectStore(ItEnvironment.s3().settings("kursfilm"));
  }

  /** Checkpoint numbers of {@code chain} stored in the object store, ascending. */
  private static List<Long> checkpointNumbers(String chain) throws Exception {
    String prefix = CHECKPOINTS + chain + "/";
    return objects().list("platform", prefix).stream()
        .map(o -> Long.parseLong(o.key().substring(prefix.length()).replace(".json", "")))
        .sorted()
        .toList();
  }

  private static void deleteCheckpoint(String chain, long number) throws Exception {
    objects()
        .delete("platform", CHECKPOINTS + chain + "/" + String.format("%020d", number) + ".json");
  }

  private static JsonObject empty() {
    return Json.createObjectBuilder().build();
  }

  /** Rewrites entry {@code seq} (the last) with another action, a matching hash and head. */
  private static String rehashLastAs(String chain, long seq, String action) throws Exception {
    try (Connection db = db();
        PreparedStatement q =
            db.prepareStatement(
                "SELECT tenant_id, occurred_at, actor_id, subject_type, subject_id, details,"
                    + " prev_hash FROM audit_entry WHERE chain_id = ? AND seq = ?")) {
      q.setString(1, chain);
      q.setLong(2, seq);
      String hash;
      try (ResultSet rs = q.executeQuery()) {
        assertTrue(rs.next());
        long micros =
            ChronoUnit.MICROS.between(
                java.time.Instant.EPOCH,
                rs.getObject(2, LocalDateTime.class).toInstant(ZoneOffset.UTC));
        hash =
            AuditHash.of(
                chain,
                seq,
                rs.getString(1),
                micros,
                rs.getString(3),
                action,
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7));
      }
      db.setAutoCommit(false);
      try (PreparedStatement u =
              db.prepareStatement(
                  "UPDATE audit_entry SET action = ?, hash = ? WHERE chain_id = ? AND seq = ?");
          PreparedStatement h =
              db.prepareStatement("UPDATE audit_chain SET last_hash = ? WHERE chain_id = ?")) {
        u.setString(1, action);
        u.setString(2, hash);
        u.setString(3, chain);
        u.setLong(4, seq);
        assertEquals(1, u.executeUpdate());
        h.setString(1, hash);
        h.setString(2, chain);
        assertEquals(1, h.executeUpdate());
      }
      db.commit();
      return hash;
    }
  }

  /** Runs infra/audit-verify against the app under test; returns its exit code. */
  private int script(String tenant, String email, String password, String only) throws Exception {
    return script(tenant, email, password, only, null);
  }

  private int script(String tenant, String email, String password, String only, String pinned)
      throws Exception {
    Path script = Path.of(System.getProperty("user.dir")).resolve("../infra/audit-verify");
    ProcessBuilder pb =
        only == null
            ? new ProcessBuilder("bash", script.toString())
            : new ProcessBuilder("bash", script.toString(), only);
    pb.environment().put("KURSFILM_URL", base.toString().replaceAll("/$", ""));
    pb.environment().put("KURSFILM_AUDIT_TENANT", tenant);
    pb.environment().put("KURSFILM_AUDIT_EMAIL", email);
    pb.environment().put("KURSFILM_AUDIT_PASSWORD", password);
    if (pinned != null) {
      pb.environment().put("KURSFILM_AUDIT_SIGNING_PUBLIC_KEY", pinned);
    }
    pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
    Process p = pb.start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "script finished");
    return p.exitValue();
  }

  /**
   * The schema owner's connection: the tampering attacker here holds more than the app's
   * credentials, since the app's account may not rewrite the log at all.
   */
  private static Connection db() throws Exception {
    return DriverManager.getConnection(
        System.getenv("KURSFILM_DB_URL"),
        System.getenv("KURSFILM_DB_MIGRATION_USER"),
        System.getenv("KURSFILM_DB_MIGRATION_PASSWORD"));
  }

  /** The app's own database account, as configured for the deployment under test. */
  private static Connection appDb() throws Exception {
    return DriverManager.getConnection(
        System.getenv("KURSFILM_DB_URL"),
        System.getenv("KURSFILM_DB_USER"),
        System.getenv("KURSFILM_DB_PASSWORD"));
  }

  private static String tenantId(String slug) throws Exception {
    try (Connection db = db()) {
      return TenantRows.idOf(db, slug);
    }
  }

  private static long count(String chain, String action) throws Exception {
    try (Connection db = db();
        PreparedStatement q =
            db.prepareStatement(
                "SELECT COUNT(*) FROM audit_entry WHERE chain_id = ? AND action = ?")) {
      q.setString(1, chain);
      q.setString(2, action);
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static long single(String param, String sql) throws Exception {
    try (Connection db = db();
        PreparedStatement q = db.prepareStatement(sql)) {
      q.setString(1, param);
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static long single(Connection db, String sql) throws Exception {
    try (PreparedStatement q = db.prepareStatement(sql);
        ResultSet rs = q.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static void update(String sql, String chain) throws Exception {
    try (Connection db = db()) {
      assertEquals(1, exec(db, sql, chain));
    }
  }

  private static int exec(Connection db, String sql, String chain) throws SQLException {
    try (PreparedStatement s = db.prepareStatement(sql)) {
      if (chain != null) {
        s.setString(1, chain);
      }
      return s.executeUpdate();
    }
  }
}
