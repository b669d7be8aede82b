package io.kursfilm.web.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kursfilm.identity.boundary.FirstUsers;
import io.kursfilm.identity.control.ElevationLedger;
import io.kursfilm.identity.control.ElevationReasonSealing;
import io.kursfilm.identity.control.SsoIssuerSealing;
import io.kursfilm.identity.control.TenantSsoStore;
import io.kursfilm.identity.control.UserDirectory;
import io.kursfilm.identity.entity.TenantSso;
import io.kursfilm.kernel.Role;
import io.kursfilm.kernel.TenantFilter;
import io.kursfilm.quiz.control.AttemptOutcomeSealing;
import io.kursfilm.quiz.entity.AttemptOutcome;
import io.kursfilm.quiz.entity.QuizAttempt;
import io.kursfilm.review.control.ReviewHashSealing;
import io.kursfilm.review.entity.VideoReview;
import io.kursfilm.storage.field.FieldCipher;
import io.kursfilm.tenant.boundary.TenantDirectory;
import io.kursfilm.tenant.boundary.TenantProvisioning;
import io.kursfilm.tenant.boundary.TenantView;
import io.kursfilm.tenant.control.SlugIndex;
import io.kursfilm.tenant.control.TenantDirectorySealing;
import io.kursfilm.tenant.control.TenantRegistry;
import io.kursfilm.video.control.PlaintextDetailsSealing;
import io.kursfilm.video.entity.VideoCaption;
import io.kursfilm.video.entity.VideoVersion;
import io.kursfilm.web.ItEnvironment;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import javax.naming.InitialContext;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Rows written in clear before V16 (video details, caption labels, elevation reasons) and V17
 * (tenant slugs and names, SSO issuers and client ids, reported media hashes) are sealed to their
 * row by the start-up sealing, which is safe to run again; until then they read as they are. Inside
 * the container, so the test can plant such rows with SQL and run the sealing itself.
 */
@Tag("in-container")
@ExtendWith(ArquillianExtension.class)
class PlaintextSealingIT {

  @Deployment
  static WebArchive app() {
    return ItEnvironment.war().addClass(PlaintextSealingIT.class);
  }

  @Inject TenantRegistry tenants;
  @Inject TenantFilter filter;
  @Inject PlaintextDetailsSealing detailsSealing;
  @Inject ElevationReasonSealing reasonSealing;
  @Inject ReviewHashSealing reviewSealing;
  @Inject AttemptOutcomeSealing outcomeSealing;
  @Inject ElevationLedger elevations;
  @Inject TenantDirectorySealing directorySealing;
  @Inject SsoIssuerSealing ssoSealing;
  @Inject TenantProvisioning provisioning;
  @Inject TenantDirectory directory;
  @Inject FirstUsers firstUsers;
  @Inject TenantSsoStore ssoStore;
  @Inject UserDirectory users;
  @Inject SlugIndex slugIndex;
  @Inject FieldCipher cipher;

  @PersistenceContext(unitName = "kursfilm")
  EntityManager em;

  @Resource UserTransaction tx;

  @Test
  void plaintext_rows_of_before_the_sealing_are_sealed_at_start_and_read_the_same()
      throws Exception {
    String demo = inTx(() -> tenants.findBySlug("demo").orElseThrow().id());
    String canary = "PS" + UUID.randomUUID().toString().replace("-", "");
    String id = UUID.randomUUID().toString();
    String elevationId = UUID.randomUUID().toString();
    String platform = inTx(() -> tenants.findBySlug("platform").orElseThrow().id());
    plantPlaintextRows(demo, platform, id, elevationId, canary);

    assertEquals(canary + " title", inTx(() -> version(demo, id).details().title()), "legacy read");

    detailsSealing.sealAll();
    reasonSealing.sealAll();
    reviewSealing.sealAll();
    detailsSealing.sealAll(); // again: nothing left, nothing changes

    for (String column : List.of("title", "description", "tags", "media_sha256")) {
      String stored = value("SELECT " + column + " FROM video_version WHERE id = ?", id);
      assertTrue(stored.startsWith("f2:"), column);
      assertFalse(stored.contains(canary), column);
    }
    for (String sql :
        List.of(
            "SELECT label FROM video_caption WHERE version_id = ?",
            "SELECT content_sha256 FROM video_caption WHERE version_id = ?",
            "SELECT media_sha256 FROM video_review WHERE version_id = ?",
            "SELECT caption_set FROM video_review WHERE version_id = ?")) {
      String stored = value(sql, id);
      assertTrue(stored.startsWith("f2:") && !stored.contains(canary), sql);
    }
    String reason = value("SELECT reason FROM elevation WHERE id = ?", elevationId);
    assertTrue(reason.startsWith("f2:") && !reason.contains(canary), "reason");

    VideoVersion version = inTx(() -> version(demo, id));
    assertEquals(canary + " title", version.details().title());
    assertEquals(canary + " description", version.details().description());
    assertEquals(canary + " tags", version.details().tags());
    assertEquals(canary + " media", version.mediaSha256().orElseThrow());
    VideoReview review =
        inTx(
            () -> {
              filter.bind(demo);
              return em.createNamedQuery(VideoReview.OF_VERSION, VideoReview.class)
                  .setParameter("versionId", id)
                  .getSingleResult();
            });
    assertEquals(canary + " media", review.mediaSha256());
    assertEquals(canary + " captions", review.captionSet());
    assertEquals(
        canary + " label",
        inTx(
            () -> {
              filter.bind(demo);
              return em.createNamedQuery(VideoCaption.OF_VERSION, VideoCaption.class)
                  .setParameter("versionId", id)
                  .getSingleResult()
                  .label();
            }));
    assertEquals(
        canary + " text",
        inTx(
            () -> {
              filter.bind(demo);
              return em.createNamedQuery(VideoCaption.OF_VERSION, VideoCaption.class)
                  .setParameter("versionId", id)
                  .getSingleResult()
                  .contentSha256();
            }));
    assertEquals(
        canary + " reason", inTx(() -> elevations.find(elevationId).orElseThrow().reason()));
    assertEquals(
        "0",
        value(
            "SELECT COUNT(*) FROM video_version WHERE tenant_id = ? AND (title NOT LIKE 'f2:%'"
                + " OR description NOT LIKE 'f2:%' OR tags NOT LIKE 'f2:%')",
            demo));
    assertEquals(
        "0",
        value(
            "SELECT COUNT(*) FROM video_caption WHERE tenant_id = ? AND label NOT LIKE 'f2:%'",
            demo));
  }

  /**
   * The six columns V17 seals: slug and name of a tenant, issuer and client id of its SSO settings,
   * the issuer its users are pinned to, and the media hash in the transcode outbox. None holds the
   * canary after a write, nor after the start-up sealing of a row written in clear before V17
   * (planted here with SQL), and every value reads the same before and after.
   */
  @Test
  void tenant_directory_sso_and_outcome_columns_hold_no_plaintext_after_write_and_backfill()
      throws Exception {
    String canary = "PT" + UUID.randomUUID().toString().replace("-", "");
    String slug = "seal-" + canary.substring(2, 12).toLowerCase(Locale.ROOT);
    String name = "Name " + canary;
    String issuer = "https://idp.example/" + canary;
    String clientId = "client-" + canary;
    TenantView tenant =
        provisioning.provision(
            slug,
            name,
            id ->
                firstUsers.create(
                    id,
                    List.of(
                        new FirstUsers.NewUser(
                            "admin@" + slug + ".example",
                            "Admin",
                            EnumSet.of(Role.TENANT_ADMIN),
                            "a-long-password".toCharArray()))));
    String id = tenant.id();
    String userId = value("SELECT id FROM app_user WHERE tenant_id = ?", id);
    inTx(
        () -> {
          filter.bind(id);
          TenantSso sso = ssoStore.findOrNew(id);
          sso.configure(
              issuer,
              clientId,
              ssoStore.seal(id, "secret"),
              false,
              false,
              false,
              userId,
              Instant.now());
          ssoStore.save(sso);
          users.find(userId).orElseThrow().linkProvider(issuer, "0".repeat(64));
          return null;
        });
    assertNoPlaintext(id, userId, canary, "after write");
    assertEquals(slugIndex.of(slug), value("SELECT slug_index FROM tenant WHERE id = ?", id));
    assertReadsTheSame(id, userId, slug, name, issuer, clientId);

    // As V16 left them: everything in clear, the tenant without index; an outcome in clear too.
    String versionId = UUID.randomUUID().toString();
    String hash = "ab" + canary;
    DataSource db = InitialContext.doLookup("java:app/jdbc/kursfilm");
    try (Connection c = db.getConnection()) {
      update(
          c,
          "UPDATE tenant SET slug = ?, name = ?, slug_index = NULL WHERE id = ?",
          slug,
          name,
          id);
      update(
          c,
          "UPDATE tenant_sso SET issuer = ?, client_id = ? WHERE tenant_id = ?",
          issuer,
          clientId,
          id);
      update(c, "UPDATE app_user SET sso_issuer = ? WHERE id = ?", issuer, userId);
      // Due only in a day: the applier must not take (and delete) it while the test looks at it.
      update(
          c,
          "INSERT INTO transcode_outcome (tenant_id, version_id, claim, kind, rendition,"
              + " duration_ms, width, height, media_sha256, created_at, due_at) VALUES (?, ?, ?,"
              + " 'PUBLISHED', 'r', 1000, 640, 360, ?, CURRENT_TIMESTAMP(6),"
              + " CURRENT_TIMESTAMP(6) + INTERVAL 1 DAY)",
          id,
          versionId,
          UUID.randomUUID().toString(),
          hash);
    }
    assertReadsTheSame(id, userId, slug, name, issuer, clientId); // legacy rows read as they are

    directorySealing.sealAll();
    ssoSealing.sealAll();
    detailsSealing.sealAll();
    directorySealing.sealAll(); // again: nothing left, nothing changes
    ssoSealing.sealAll();

    assertNoPlaintext(id, userId, canary, "after the start-up sealing");
    assertEquals(slugIndex.of(slug), value("SELECT slug_index FROM tenant WHERE id = ?", id));
    assertReadsTheSame(id, userId, slug, name, issuer, clientId);
    String outcome =
        value("SELECT media_sha256 FROM transcode_outcome WHERE version_id = ?", versionId);
    assertTrue(outcome.startsWith("f2:") && !outcome.contains(canary), "outbox hash: " + outcome);
    assertEquals(
        hash,
        cipher.decrypt(
            id, new FieldCipher.Row("video_version", versionId), "media_sha256", outcome),
        "sealed as the version's own column");
    try (Connection c = db.getConnection()) {
      update(c, "DELETE FROM transcode_outcome WHERE version_id = ?", versionId);
    }
  }

  /**
   * An attempt submitted before V27 has its score and passed in clear: it reads as it is until the
   * start-up sealing moves both into the sealed outcome, bound to the attempt's row, and clears
   * them; it reads the same afterwards, and a second run finds nothing.
   */
  @Test
  void quiz_scores_of_before_the_sealing_move_into_the_sealed_outcome_and_read_the_same()
      throws Exception {
    String demo = inTx(() -> tenants.findBySlug("demo").orElseThrow().id());
    String trainer = value("SELECT id FROM app_user WHERE tenant_id = ? LIMIT 1", demo);
    String videoId = UUID.randomUUID().toString();
    String quizId = UUID.randomUUID().toString();
    String attemptId = UUID.randomUUID().toString();
    Timestamp now = Timestamp.from(Instant.now());
    DataSource db = InitialContext.doLookup("java:app/jdbc/kursfilm");
    try (Connection c = db.getConnection()) {
      update(
          c,
          "INSERT INTO video (id, tenant_id, owner_id, latest_version_id, created_at, updated_at)"
              + " VALUES (?, ?, ?, ?, ?, ?)",
          videoId,
          demo,
          trainer,
          videoId,
          now,
          now);
      update(
          c,
          "INSERT INTO video_version (id, tenant_id, video_id, number, uploader_id, title,"
              + " state, declared_size, chunk_size, created_at, updated_at)"
              + " VALUES (?, ?, ?, 1, ?, 'f', 'FAILED', 10, 10, ?, ?)",
          videoId,
          demo,
          videoId,
          trainer,
          now,
          now);
      update(
          c,
          "INSERT INTO quiz (id, tenant_id, video_id, number, definition, created_by, created_at)"
              + " VALUES (?, ?, ?, 1, 'not read here', ?, ?)",
          quizId,
          demo,
          videoId,
          trainer,
          now);
      update(
          c,
          "INSERT INTO quiz_attempt (id, tenant_id, quiz_id, user_id, number, score, passed,"
              + " started_at, submitted_at) VALUES (?, ?, ?, ?, 1, 85, TRUE, ?, ?)",
          attemptId,
          demo,
          quizId,
          trainer,
          now,
          now);
    }
    try {
      AttemptOutcome expected = new AttemptOutcome(85, true);
      assertEquals(expected, inTx(() -> attempt(demo, attemptId)), "legacy read");

      assertTrue(outcomeSealing.sealAll() >= 1);
      assertEquals(0, outcomeSealing.sealAll(), "again: nothing left, nothing changes");

      assertEquals(
          "null null",
          value(
              "SELECT CONCAT_WS(' ', IFNULL(score, 'null'), IFNULL(passed, 'null'))"
                  + " FROM quiz_attempt WHERE id = ?",
              attemptId),
          "score and passed cleared");
      String sealed = value("SELECT outcome FROM quiz_attempt WHERE id = ?", attemptId);
      assertTrue(sealed.startsWith("f2:"), sealed);
      assertEquals(
          "085 P",
          cipher.decrypt(demo, new FieldCipher.Row("quiz_attempt", attemptId), "outcome", sealed),
          "bound to the attempt's row and the outcome column");
      assertEquals(expected, inTx(() -> attempt(demo, attemptId)));
    } finally {
      try (Connection c = db.getConnection()) {
        update(c, "DELETE FROM video WHERE id = ?", videoId); // the rest cascades
      }
    }
  }

  private AttemptOutcome attempt(String tenant, String id) {
    filter.bind(tenant);
    return em.find(QuizAttempt.class, id).outcome().orElseThrow();
  }

  private static void assertNoPlaintext(String tenantId, String userId, String canary, String when)
      throws Exception {
    for (String sql :
        List.of(
            "SELECT slug FROM tenant WHERE id = ?",
            "SELECT name FROM tenant WHERE id = ?",
            "SELECT issuer FROM tenant_sso WHERE tenant_id = ?",
            "SELECT client_id FROM tenant_sso WHERE tenant_id = ?")) {
      String stored = value(sql, tenantId);
      assertTrue(stored.startsWith("f2:") && !stored.contains(canary), when + ": " + sql);
      assertFalse(stored.toLowerCase(Locale.ROOT).contains(canary.substring(2, 12)), sql);
    }
    String pinned = value("SELECT sso_issuer FROM app_user WHERE id = ?", userId);
    assertTrue(pinned.startsWith("f2:") && !pinned.contains(canary), when + ": sso_issuer");
  }

  private void assertReadsTheSame(
      String id, String userId, String slug, String name, String issuer, String clientId)
      throws Exception {
    TenantView found =
        inTx(() -> directory.findBySlug(slug.toUpperCase(Locale.ROOT)).orElseThrow());
    assertEquals(id, found.id(), "found by its slug, case-insensitively");
    assertEquals(slug, found.slug());
    assertEquals(name, found.name());
    inTx(
        () -> {
          TenantSso sso = ssoStore.find(id).orElseThrow();
          assertEquals(issuer, sso.issuer());
          assertEquals(clientId, sso.clientId());
          filter.bind(id);
          assertTrue(users.find(userId).orElseThrow().isLinkedTo(issuer), "pinned issuer");
          return null;
        });
  }

  private VideoVersion version(String tenant, String id) {
    filter.bind(tenant);
    return em.find(VideoVersion.class, id);
  }

  /** A video, its version, a caption and an elevation as V15 wrote them: all in clear. */
  private static void plantPlaintextRows(
      String tenant, String platformId, String id, String elevationId, String text)
      throws Exception {
    String trainer = value("SELECT id FROM app_user WHERE tenant_id = ? LIMIT 1", tenant);
    String root = value("SELECT id FROM app_user WHERE tenant_id = ? LIMIT 1", platformId);
    Timestamp now = Timestamp.from(Instant.now());
    DataSource db = InitialContext.doLookup("java:app/jdbc/kursfilm");
    try (Connection c = db.getConnection()) {
      update(
          c,
          "INSERT INTO video (id, tenant_id, owner_id, latest_version_id, created_at, updated_at)"
              + " VALUES (?, ?, ?, ?, ?, ?)",
          id,
          tenant,
          trainer,
          id,
          now,
          now);
      update(
          c,
          "INSERT INTO video_version (id, tenant_id, video_id, number, uploader_id, title,"
              + " description, tags, media_sha256, state, declared_size, chunk_size,"
              + " created_at, updated_at) VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?, 'FAILED', 10, 10,"
              + " ?, ?)",
          id,
          tenant,
          id,
          trainer,
          text + " title",
          text + " description",
          text + " tags",
          text + " media",
          now,
          now);
      update(
          c,
          "INSERT INTO video_caption (version_id, tenant_id, language, label, content_sha256,"
              + " created_at) VALUES (?, ?, 'de', ?, ?, ?)",
          id,
          tenant,
          text + " label",
          text + " text",
          now);
      update(
          c,
          "INSERT INTO video_review (id, tenant_id, video_id, version_id, critic_id, decision,"
              + " media_sha256, caption_set, created_at) VALUES (?, ?, ?, ?, ?, 'APPROVE', ?, ?,"
              + " ?)",
          UUID.randomUUID().toString(),
          tenant,
          id,
          id,
          trainer,
          text + " media",
          text + " captions",
          now);
      update(
          c,
          "INSERT INTO elevation (id, tenant_id, operator_id, reason, starts_at, expires_at)"
              + " VALUES (?, ?, ?, ?, ?, ?)",
          elevationId,
          tenant,
          root,
          text + " reason",
          now,
          now);
    }
  }

  private static void update(Connection c, String sql, Object... values) throws Exception {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        s.setObject(i + 1, values[i]);
      }
      assertEquals(1, s.executeUpdate(), sql);
    }
  }

  private static String value(String sql, String parameter) throws Exception {
    DataSource db = InitialContext.doLookup("java:app/jdbc/kursfilm");
    try (Connection c = db.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, parameter);
      try (ResultSet row = s.executeQuery()) {
        assertTrue(row.next(), sql);
        return row.getString(1);
      }
    }
  }

  private <T> T inTx(Callable<T> work) throws Exception {
    tx.begin();
    try {
      T result = work.call();
      tx.commit();
      return result;
    } catch (Exception | AssertionError e) {
      tx.rollback();
      throw e;
    }
  }
}
