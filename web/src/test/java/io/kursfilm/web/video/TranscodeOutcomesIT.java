package io.kursfilm.web.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kursfilm.storage.objects.ObjectStore;
import io.kursfilm.storage.objects.ObjectSummary;
import io.kursfilm.transcoder.job.JdbcOutcomePort;
import io.kursfilm.transcoder.job.JobSubject;
import io.kursfilm.transcoder.job.Published;
import io.kursfilm.transcoder.job.VideoObjects;
import io.kursfilm.web.ItEnvironment;
import io.kursfilm.web.testing.RestClient;
import io.kursfilm.web.testing.SharedApp;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mariadb.jdbc.MariaDbDataSource;

/**
 * Transcode outcomes on the real stack: the app's own job reports into the outbox and the video
 * component moves the version through its lifecycle table, audited with no actor (the system). Late
 * reports are written with the port the standalone worker uses ({@link JdbcOutcomePort}), as a
 * worker that was overtaken or outlived a cancel would write them: the table refuses the move and
 * the rendition they hand over is deleted.
 */
@ExtendWith(SharedApp.class)
class TranscodeOutcomesIT {

  private static final String PW = ItEnvironment.demoPassword();

  final URL base = SharedApp.base();
  @TempDir static Path media;
  static MariaDbDataSource db;
  static ObjectStore store;

  @BeforeAll
  static void infrastructure() throws Exception {
    db = new MariaDbDataSource(System.getProperty("kursfilm.it.db.url"));
    db.setUser(System.getProperty("kursfilm.it.db.user"));
    db.setPassword(System.getProperty("kursfilm.it.db.password"));
    store = new ObjectStore(ItEnvironment.s3().settings("kursfilm"));
  }

  @Test
  void an_upload_reaches_review_through_outcomes_the_lifecycle_table_applies_and_audits()
      throws Exception {
    String trainer = login();
    String id = upload(trainer, "Outcomes", TestMedia.clip(media, "ok.mp4", "640x360", 3, "ok"));

    JsonObject done = awaitSettled(trainer, id);
    assertEquals("IN_REVIEW", done.getString("state"), done.toString());
    assertEquals(100, done.getInt("progress"));
    assertNotNull(column(id, "rendition"));
    assertNotNull(column(id, "job_claim"), "the claim the applied attempt made");
    awaitNoOutcomes(id);

    List<String[]> moves = stateChanges(id);
    // On a loaded machine an attempt's lease can run out and a revived attempt claims the version
    // again (PROCESSING -> PROCESSING, allowed by the table): one START_PROCESSING per claim.
    List<String> kinds = moves.stream().map(m -> m[1]).toList();
    int claims = kinds.size() - 2;
    assertTrue(claims >= 1, "every move of the version, in order: " + kinds);
    List<String> expected = new ArrayList<>(List.of("COMPLETE_UPLOAD"));
    expected.addAll(Collections.nCopies(claims, "START_PROCESSING"));
    expected.add("FINISH_PROCESSING");
    assertEquals(expected, kinds, "every move of the version, in order");
    String[] firstClaim = moves.get(1);
    String[] finish = moves.get(kinds.size() - 1);
    assertNotNull(moves.get(0)[0], "the trainer completed the upload");
    assertNull(firstClaim[0], "the system started processing");
    assertNull(finish[0], "the system finished processing");
    assertTrue(firstClaim[2].contains("\"from\":\"UPLOADED\""), firstClaim[2]);
    assertTrue(finish[2].contains("\"to\":\"IN_REVIEW\""), finish[2]);
    assertTrue(finish[2].contains("\"version\":\"1\""), finish[2]);
  }

  @Test
  void a_late_publication_of_a_version_that_left_processing_is_refused_and_deleted()
      throws Exception {
    String trainer = login();
    String id = upload(trainer, "Late", TestMedia.clip(media, "late.mp4", "640x360", 3, "late"));
    assertEquals("IN_REVIEW", awaitSettled(trainer, id).getString("state"));
    awaitNoOutcomes(id);
    String tenant = tenantOf(id);
    String rendition = column(id, "rendition");
    String claim = column(id, "job_claim");
    int moves = stateChanges(id).size();

    // An overtaken attempt, and one with the version's own claim: neither may move it again.
    String overtaken = lateRendition(tenant, id);
    String ownClaim = lateRendition(tenant, id);
    JdbcOutcomePort worker = new JdbcOutcomePort(db, Clock.systemUTC());
    worker.published(new JobSubject(tenant, id, 1, 1, "overtaken-attempt"), result(overtaken));
    worker.published(new JobSubject(tenant, id, 1, 1, claim), result(ownClaim));
    awaitNoOutcomes(id);

    assertEquals("IN_REVIEW", column(id, "state"));
    assertEquals(rendition, column(id, "rendition"), "still the accepted rendition");
    assertEquals(moves, stateChanges(id).size(), "no move was made or audited");
    assertEquals(List.of(), keys(tenant, overtaken + "/"), "the refused rendition is deleted");
    assertEquals(List.of(), keys(tenant, ownClaim + "/"), "the refused rendition is deleted");
    assertEquals(200, api().download("api/v1/videos/" + id + "/hls/master.m3u8", trainer).status());
  }

  @Test
  void a_late_publication_of_a_cancelled_attempt_is_refused_and_leaves_nothing() throws Exception {
    String trainer = login();
    String id =
        upload(trainer, "Cancelled", TestMedia.clip(media, "long.mp4", "1280x720", 30, "c"));
    String tenant = tenantOf(id);
    String claim = awaitClaim(id);
    assertEquals(202, api().delete("api/v1/videos/" + id, trainer).status(), "cancel");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (api().get("api/v1/videos/" + id, trainer).status() != 404) {
      assertTrue(System.nanoTime() < deadline, "the cancelled version is still there");
      Thread.sleep(300);
    }

    // The attempt that was cancelled reports its rendition after all (it missed the cancel).
    String late = lateRendition(tenant, id);
    new JdbcOutcomePort(db, Clock.systemUTC())
        .published(new JobSubject(tenant, id, 1, 1, claim), result(late));
    awaitNoOutcomes(id);

    assertNull(column(id, "state"), "not brought back");
    assertEquals(List.of(), keys(tenant, VideoObjects.video(id)), "nothing left behind");
  }

  /**
   * Stores a complete-looking rendition (plain bytes will do) under a fresh prefix of {@code id}.
   */
  private static String lateRendition(String tenant, String id) {
    String prefix = VideoObjects.newRendition(id);
    for (String name : List.of("master.m3u8", "360p/playlist.m3u8", "360p/seg_00000.m4s")) {
      store.put(
          tenant,
          prefix + "/" + name,
          new ByteArrayInputStream("late".getBytes(StandardCharsets.UTF_8)));
    }
    assertEquals(3, keys(tenant, prefix + "/").size());
    return prefix;
  }

  private static Published result(String rendition) {
    return new Published(rendition, Duration.ofSeconds(3), 640, 360, "00".repeat(32));
  }

  private static List<String> keys(String tenant, String prefix) {
    return store.list(tenant, prefix).stream().map(ObjectSummary::key).toList();
  }

  /** The version's audited moves, oldest first: {actor, transition, details}. */
  private static List<String[]> stateChanges(String id) throws Exception {
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT actor_id, details FROM audit_entry WHERE action = 'VIDEO_STATE_CHANGED'"
                    + " AND subject_id = ? ORDER BY seq")) {
      s.setString(1, id);
      List<String[]> found = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          String details = r.getString(2);
          String transition = details.replaceAll(".*\"transition\":\"([A-Z_]+)\".*", "$1");
          found.add(new String[] {r.getString(1), transition, details});
        }
      }
      return found;
    }
  }

  private static void awaitNoOutcomes(String id) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (count("SELECT COUNT(*) FROM transcode_outcome WHERE version_id = ?", id) > 0) {
      assertTrue(System.nanoTime() < deadline, "outcomes of " + id + " never applied");
      Thread.sleep(200);
    }
  }

  /** Waits for the claim of the attempt that processes {@code id}. */
  private static String awaitClaim(String id) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (!"PROCESSING".equals(column(id, "state")) || column(id, "job_claim") == null) {
      assertTrue(System.nanoTime() < deadline, "never processing");
      Thread.sleep(200);
    }
    return column(id, "job_claim");
  }

  private static String tenantOf(String id) throws Exception {
    return column(id, "tenant_id");
  }

  /** A column of version {@code id}, or null when it is gone. */
  private static String column(String id, String column) throws Exception {
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT " + column + " FROM video_version WHERE id = ?")) {
      s.setString(1, id);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? r.getString(1) : null;
      }
    }
  }

  private static long count(String sql, String parameter) throws Exception {
    try (Connection c = db.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, parameter);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }

  private RestClient api() {
    return new RestClient(base);
  }

  private String login() throws Exception {
    return api().login("demo", "trainer@demo.example", PW);
  }

  private String upload(String token, String title, Path clip) throws Exception {
    RestClient.Reply reply =
        api().sendBytes("POST", "api/v1/videos?title=" + title, token, Files.readAllBytes(clip));
    assertEquals(202, reply.status(), reply.body());
    return reply.json().getString("id");
  }

  private JsonObject awaitSettled(String token, String id) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
    while (true) {
      JsonObject video = api().get("api/v1/videos/" + id, token).json();
      String state = video.getString("state");
      if (!List.of("UPLOADING", "UPLOADED", "PROCESSING").contains(state)) {
        return video;
      }
      assertTrue(System.nanoTime() < deadline, "still " + state);
      Thread.sleep(300);
    }
  }
}
