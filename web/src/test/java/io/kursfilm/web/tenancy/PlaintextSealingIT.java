package io.kursfilm.web.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kursfilm.identity.control.ElevationLedger;
import io.kursfilm.identity.control.ElevationReasonSealing;
import io.kursfilm.kernel.TenantFilter;
import io.kursfilm.review.control.ReviewHashSealing;
import io.kursfilm.review.entity.VideoReview;
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
import java.util.List;
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
 * Rows written in clear before V16 (video details, caption labels, elevation reasons) are sealed to
 * their row by the start-up sealing, which is safe to run again; until then they read as they are.
 * Inside the container, so the test can plant such rows with SQL and run the sealing itself.
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
  @Inject ElevationLedger elevations;

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
    plantPlaintextRows(demo, id, elevationId, canary);

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

  private VideoVersion version(String tenant, String id) {
    filter.bind(tenant);
    return em.find(VideoVersion.class, id);
  }

  /** A video, its version, a caption and an elevation as V15 wrote them: all in clear. */
  private static void plantPlaintextRows(String tenant, String id, String elevationId, String text)
      throws Exception {
    String trainer = value("SELECT id FROM app_user WHERE tenant_id = ? LIMIT 1", tenant);
    String root =
        value(
            "SELECT u.id FROM app_user u JOIN tenant t ON t.id = u.tenant_id WHERE t.slug = ?"
                + " LIMIT 1",
            "platform");
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
