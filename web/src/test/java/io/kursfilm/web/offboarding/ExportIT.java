package io.kursfilm.web.offboarding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kursfilm.web.ItEnvironment;
import io.kursfilm.web.identity.Inbox;
import io.kursfilm.web.testing.DemoTenants;
import io.kursfilm.web.testing.ExportArchives;
import io.kursfilm.web.testing.Invitations;
import io.kursfilm.web.testing.RestClient;
import io.kursfilm.web.testing.SharedApp;
import io.kursfilm.web.video.TestMedia;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The offboarding export end to end, on a tenant of its own (the demo tenants stay active for the
 * other tests): a trainer's transcoded video with captions, a critic's comment and approval, a quiz
 * with an employee's attempt; the admin starts the offboarding, everybody else is logged out, the
 * export is written (the test app stops the first run after three parts as if its node died, and
 * the export resumes from the checkpoint), and the downloaded ZIP is compared with the database's
 * answers and the bucket on disk, its manifest hashes verified entry by entry.
 */
@ExtendWith(SharedApp.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExportIT {

  private static final String PASSWORD = "amber-otter-climbs-9-hills";
  private static final String VTT = "WEBVTT\n\n00:00.000 --> 00:01.000\nGuten Tag\n";
  private static final String COMMENT = "export-canary comment at second one";

  final URL base = SharedApp.base();
  @TempDir static Path media;

  private static Inbox inbox;

  /** The tenant made for this class and its people's tokens. */
  private static String slug;

  private static String tenantId;
  private static String admin;
  private static String trainer;
  private static String critic;
  private static String employee;
  private static String videoId;
  private static Path clip;
  private static String offboardingId;
  private static byte[] archive;

  @BeforeAll
  static void start() throws Exception {
    ItEnvironment.s3();
    inbox = new Inbox(Integer.parseInt(System.getProperty("kursfilm.it.mail.port")));
  }

  @AfterAll
  static void stop() {
    if (inbox != null) {
      inbox.stop();
    }
  }

  private RestClient api() {
    return new RestClient(base);
  }

  private DemoTenants demo() {
    return new DemoTenants(base);
  }

  @Test
  @Order(1)
  void a_tenant_with_a_published_video_captions_comments_and_quiz_results() throws Exception {
    slug = "exp" + UUID.randomUUID().toString().substring(0, 8);
    String root = demo().login("platform", "root");
    RestClient.Reply created =
        demo().createTenant(root, slug, "Export GmbH", "admin@" + slug + ".example", PASSWORD);
    assertEquals(201, created.status(), created.body());
    tenantId = created.json().getString("id");
    admin = api().login(slug, "admin@" + slug + ".example", PASSWORD);
    trainer = person("trainer", "TRAINER");
    critic = person("critic", "CRITIC");
    employee = person("employee", "EMPLOYEE");

    clip = TestMedia.clip(media, "export.mp4", "320x240", 3, "export");
    videoId = demo().transcoded(trainer, "Export video", clip);
    RestClient.Reply captions =
        api()
            .putText(
                "api/v1/videos/" + videoId + "/captions/de?label=Deutsch",
                trainer,
                "text/vtt",
                VTT);
    assertEquals(204, captions.status(), captions.body());
    RestClient.Reply course =
        api()
            .post(
                "api/v1/courses",
                trainer,
                Json.createObjectBuilder()
                    .add("title", "Export course")
                    .add("videoIds", Json.createArrayBuilder().add(videoId))
                    .build());
    assertEquals(201, course.status(), course.body());
    RestClient.Reply group =
        api()
            .post(
                "api/v1/groups",
                admin,
                Json.createObjectBuilder().add("name", "Export team").build());
    assertEquals(201, group.status(), group.body());
    RestClient.Reply quiz =
        api().post("api/v1/videos/" + videoId + "/quiz", trainer, quizDefinition());
    assertEquals(201, quiz.status(), quiz.body());
    String quizId = quiz.json().getString("id");
    RestClient.Reply comment =
        api()
            .post(
                "api/v1/videos/" + videoId + "/comments",
                critic,
                Json.createObjectBuilder().add("atSecond", 1).add("text", COMMENT).build());
    assertEquals(201, comment.status(), comment.body());
    RestClient.Reply approved = demo().decide(critic, videoId, "APPROVE", null, null);
    assertEquals(200, approved.status(), approved.body());
    demo().awaitState(trainer, videoId, "PUBLISHED");
    assertEquals(201, demo().attempt(employee, quizId, List.of(List.of(1))).status());
  }

  @Test
  @Order(2)
  void only_the_tenants_own_admin_starts_it_and_everybody_else_is_refused() throws Exception {
    for (String other : List.of(trainer, critic, employee)) {
      assertEquals(403, api().post("api/v1/offboarding", other, empty()).status());
    }
    assertEquals(401, api().post("api/v1/offboarding", null, empty()).status());
    String demoAdmin = demo().login("admin");

    RestClient.Reply started = api().post("api/v1/offboarding", admin, empty());
    assertEquals(202, started.status(), started.body());
    offboardingId = started.json().getString("id");
    assertEquals("EXPORTING", started.json().getString("state"));
    assertEquals(409, api().post("api/v1/offboarding", admin, empty()).status(), "only one");

    // Another tenant's admin and people: the offboarding does not exist for them.
    assertEquals(404, api().get("api/v1/offboarding/" + offboardingId, demoAdmin).status());
    assertEquals(
        404,
        api()
            .post("api/v1/offboarding/" + offboardingId + "/downloaded", demoAdmin, empty())
            .status());
    assertEquals(
        0,
        api().get("api/v1/offboarding", demoAdmin).array().stream()
            .filter(o -> o.asJsonObject().getString("id").equals(offboardingId))
            .count());
    for (String who : List.of("trainer", "critic", "employee1")) {
      assertEquals(
          403, api().get("api/v1/offboarding/" + offboardingId, demo().login(who)).status());
    }
    assertEquals(401, api().get("api/v1/offboarding/" + offboardingId, null).status());
    RestClient.Reply asRoot =
        api().get("api/v1/offboarding/" + offboardingId, demo().login("platform", "root"));
    assertEquals(200, asRoot.status(), asRoot.body());
    assertFalse(asRoot.json().containsKey("exportUrl"), "no download link for the operator");
  }

  @Test
  @Order(3)
  void while_offboarding_only_its_admins_log_in_and_reach_only_the_offboarding() throws Exception {
    for (String token : List.of(trainer, critic, employee)) {
      assertEquals(401, api().get("api/v1/me", token).status(), "sessions ended");
    }
    for (String who : List.of("trainer", "critic", "employee")) {
      RestClient.Reply login = api().tryLogin(slug, who + "@" + slug + ".example", PASSWORD);
      RestClient.Reply unknown = api().tryLogin("no-such-" + slug, who + "@x.example", PASSWORD);
      assertEquals(401, login.status(), login.body());
      assertEquals(unknown.body(), login.body(), "refused exactly like an unknown tenant");
    }
    String again = api().login(slug, "admin@" + slug + ".example", PASSWORD);
    assertEquals(200, api().get("api/v1/me", again).status());
    assertEquals(200, api().get("api/v1/offboarding/" + offboardingId, again).status());
    RestClient.Reply videos = api().get("api/v1/videos", again);
    assertEquals(403, videos.status());
    assertEquals("tenant_offboarding", videos.json().getString("error"));
    assertEquals(
        403, api().post("api/v1/videos/" + videoId + "/comments", again, empty()).status());
    // The other tenant goes on working.
    assertEquals(200, api().get("api/v1/videos", demo().login("trainer")).status());
  }

  @Test
  @Order(4)
  void the_export_stops_mid_way_resumes_from_its_checkpoint_and_becomes_ready() throws Exception {
    JsonObject ready = awaitReady();
    assertEquals(100, ready.getInt("progress"));
    assertTrue(ready.containsKey("exportUrl"), ready.toString());
    assertEquals(
        ready.getJsonNumber("exportTotalBytes").longValue(),
        ready.getJsonNumber("exportDoneBytes").longValue());
    JsonArray resumed =
        api()
            .get(
                "api/v1/audit?tenant=" + slug + "&action=OFFBOARDING_EXPORT_RESUMED",
                demo().login("platform", "root"))
            .array();
    assertEquals(1, resumed.size(), "the first run died after three parts: " + resumed);
    assertEquals(
        "3",
        resumed.getJsonObject(0).getJsonObject("details").getString("parts"),
        resumed.toString());
  }

  @Test
  @Order(5)
  void the_admin_downloads_it_whole_and_in_ranges_and_every_start_is_audited() throws Exception {
    String path = exportPath(view(admin).getString("exportUrl"));
    RestClient.Download whole = api().download(path, admin);
    assertEquals(200, whole.status());
    assertEquals("application/zip", whole.header("Content-Type"));
    archive = whole.body();
    assertEquals(view(admin).getJsonNumber("exportTotalBytes").longValue(), archive.length);

    // Three ranges across part boundaries, assembled: the same bytes.
    ByteArrayOutputStream pieces = new ByteArrayOutputStream();
    long third = archive.length / 3;
    for (String range :
        List.of(
            "bytes=0-" + (third - 1),
            "bytes=" + third + "-" + (2 * third - 1),
            "bytes=" + 2 * third + "-")) {
      RestClient.Download piece = api().download(path, admin, "Range", range);
      assertEquals(206, piece.status(), range);
      assertTrue(piece.header("Content-Range").startsWith("bytes "), piece.header("Content-Range"));
      pieces.writeBytes(piece.body());
    }
    assertArrayEquals(archive, pieces.toByteArray());
    RestClient.Download beyond =
        api().download(path, admin, "Range", "bytes=" + archive.length + "-");
    assertEquals(416, beyond.status());
    assertEquals("bytes */" + archive.length, beyond.header("Content-Range"));

    // The link alone opens nothing, nor does another admin's session, nor a made-up token.
    assertEquals(401, api().download(path, null).status());
    assertEquals(404, api().download(path, demo().login("admin")).status());
    String forged = path.substring(0, path.lastIndexOf('/') + 1) + "A".repeat(43);
    assertEquals(404, api().download(forged, admin).status());

    JsonArray downloads =
        api()
            .get(
                "api/v1/audit?tenant=" + slug + "&action=DOWNLOAD",
                demo().login("platform", "root"))
            .array();
    assertEquals(
        4,
        downloads.size(),
        "whole and three ranges; the refused 416 is not a start: " + downloads);
    for (JsonValue d : downloads) {
      JsonObject details = d.asJsonObject().getJsonObject("details");
      assertTrue(details.containsKey("link") && details.containsKey("first"), details.toString());
      assertFalse(details.toString().contains("@"), "no personal data");
    }
  }

  @Test
  @Order(6)
  void the_zip_holds_everything_of_the_tenant_and_its_manifest_verifies() throws Exception {
    Path file = media.resolve("export.zip");
    Files.write(file, archive);
    try (ZipFile zip = new ZipFile(file.toFile())) {
      Set<String> names = new TreeSet<>();
      List<String> all = new ArrayList<>();
      Collections.list(zip.entries()).forEach(e -> all.add(e.getName()));
      names.addAll(all);
      assertEquals(all.size(), names.size(), "no duplicate entry: " + all);
      for (String fixed :
          List.of(
              "manifest.json",
              "tenant.json",
              "users.json",
              "audit/log.jsonl",
              "audit/verification.json",
              "certificates.json",
              "learning.json")) {
        assertTrue(names.contains(fixed), fixed + " in " + names);
      }
      String folder = "videos/" + videoId + "/";
      JsonObject video = json(zip, folder + "video.json").asJsonObject();
      JsonArray versions = video.getJsonArray("versions");
      assertEquals("Export video", versions.getJsonObject(0).getString("title"));
      assertEquals("PUBLISHED", versions.getJsonObject(versions.size() - 1).getString("state"));

      // The uploaded original, decrypted, byte for byte.
      assertArrayEquals(Files.readAllBytes(clip), bytes(zip, folder + "v1/original"));
      // Captions, the comment, the quiz and its results.
      String captionPath =
          names.stream().filter(n -> n.endsWith("/captions/de.vtt")).findFirst().orElseThrow();
      assertEquals(VTT, new String(bytes(zip, captionPath), StandardCharsets.UTF_8));
      assertTrue(
          new String(bytes(zip, folder + "review.json"), StandardCharsets.UTF_8).contains(COMMENT));
      assertTrue(names.contains(folder + "quiz/quiz-1.json"), names.toString());
      String csv =
          new String(bytes(zip, folder + "quiz/quiz-1-results.csv"), StandardCharsets.UTF_8);
      assertEquals(2, csv.strip().lines().count(), "header and the one participant: " + csv);
      assertTrue(csv.contains("Employee"), "names: anonymisation is off here: " + csv);
      // Users without password hashes, the audit chain verified.
      String users = new String(bytes(zip, "users.json"), StandardCharsets.UTF_8);
      assertTrue(users.contains("critic@" + slug + ".example"), users);
      assertFalse(users.toLowerCase(Locale.ROOT).contains("password"), users);
      assertTrue(json(zip, "audit/verification.json").asJsonObject().getBoolean("valid"));
      assertTrue(
          new String(bytes(zip, "audit/log.jsonl"), StandardCharsets.UTF_8)
              .contains("OFFBOARDING_STARTED"));

      // Every HLS file of the published rendition, as the bucket holds it.
      Set<String> hlsInZip =
          names.stream()
              .filter(n -> n.startsWith(folder + "hls/"))
              .map(n -> n.substring((folder + "hls/").length()))
              .collect(Collectors.toCollection(TreeSet::new));
      Path bucket = bucket();
      Set<String> hlsInBucket;
      try (Stream<Path> files =
          Files.walk(bucket.resolve("videos").resolve(videoId).resolve("hls"))) {
        hlsInBucket =
            files
                .filter(Files::isRegularFile)
                .map(p -> bucket.resolve("videos").resolve(videoId).resolve("hls").relativize(p))
                .map(p -> p.toString().replace('\\', '/'))
                .collect(Collectors.toCollection(TreeSet::new));
      }
      assertFalse(hlsInBucket.isEmpty());
      assertEquals(hlsInBucket, hlsInZip, "every file of the rendition");
      assertTrue(hlsInZip.stream().anyMatch(n -> n.endsWith("master.m3u8")), hlsInZip.toString());

      // As many of each as the database holds for the tenant.
      assertEquals(
          count("SELECT COUNT(*) FROM video WHERE tenant_id = ?"), count(names, "/video.json"));
      assertEquals(
          count("SELECT COUNT(*) FROM video_version WHERE tenant_id = ?"), versions.size());
      assertEquals(
          count("SELECT COUNT(*) FROM video_caption WHERE tenant_id = ?"),
          names.stream().filter(n -> n.matches(".*/captions/[^/]+\\.vtt")).count());
      assertEquals(
          count("SELECT COUNT(*) FROM quiz WHERE tenant_id = ?"),
          names.stream().filter(n -> n.matches(".*/quiz/quiz-\\d+\\.json")).count());
      assertEquals(
          count("SELECT COUNT(*) FROM video_comment WHERE tenant_id = ?"),
          json(zip, folder + "review.json").asJsonObject().getJsonArray("comments").size());
      assertEquals(
          count("SELECT COUNT(*) FROM video_review WHERE tenant_id = ?"),
          json(zip, folder + "review.json").asJsonObject().getJsonArray("decisions").size());
      assertEquals(
          count("SELECT COUNT(*) FROM app_user WHERE tenant_id = ?"),
          json(zip, "users.json").asJsonArray().size());
      JsonObject learning = json(zip, "learning.json").asJsonObject();
      assertEquals(
          "Export course", learning.getJsonArray("courses").getJsonObject(0).getString("title"));
      assertEquals(
          "Export team", learning.getJsonArray("groups").getJsonObject(0).getString("name"));
      for (String[] part :
          List.of(
              new String[] {"courses", "course"},
              new String[] {"groups", "learner_group"},
              new String[] {"assignments", "assignment"},
              new String[] {"completions", "video_completion"},
              new String[] {"progress", "watch_progress"})) {
        assertEquals(
            count("SELECT COUNT(*) FROM " + part[1] + " WHERE tenant_id = ?"),
            learning.getJsonArray(part[0]).size(),
            part[0] + " in learning.json");
      }

      // The manifest lists every other entry with its size and SHA-256.
      ExportArchives.verifyManifest(zip);
      for (ZipEntry e : Collections.list(zip.entries())) {
        assertEquals(ZipEntry.STORED, e.getMethod(), e.getName());
      }
    }
    // The parts lie in the tenant's own bucket, where the shred deletes everything.
    try (Stream<Path> parts = Files.list(bucket().resolve("export").resolve(offboardingId))) {
      assertTrue(parts.count() > 3, "several parts");
    }
  }

  @Test
  @Order(7)
  void the_admin_confirms_the_download_once() throws Exception {
    for (String other : List.of(demo().login("admin"), demo().login("platform", "root"))) {
      assertTrue(
          Set.of(403, 404)
              .contains(
                  api()
                      .post("api/v1/offboarding/" + offboardingId + "/downloaded", other, empty())
                      .status()));
    }
    RestClient.Reply confirmed =
        api().post("api/v1/offboarding/" + offboardingId + "/downloaded", admin, empty());
    assertEquals(200, confirmed.status(), confirmed.body());
    assertEquals("DOWNLOADED", confirmed.json().getString("state"));
    assertEquals(
        409,
        api().post("api/v1/offboarding/" + offboardingId + "/downloaded", admin, empty()).status());
    // Still downloadable until the shred.
    String path = exportPath(view(admin).getString("exportUrl"));
    assertEquals(206, api().download(path, admin, "Range", "bytes=0-99").status());
  }

  // --- helpers ---------------------------------------------------------------------------------

  /** Invites {@code who} with {@code role} into the tenant and logs them in. */
  private String person(String who, String role) throws Exception {
    String email = who + "@" + slug + ".example";
    Invitations.join(
        api(),
        inbox,
        admin,
        slug,
        email,
        Character.toUpperCase(who.charAt(0)) + who.substring(1),
        role,
        PASSWORD);
    return api().login(slug, email, PASSWORD);
  }

  private static JsonObject quizDefinition() {
    return Json.createObjectBuilder()
        .add(
            "questions",
            Json.createArrayBuilder()
                .add(
                    Json.createObjectBuilder()
                        .add("type", "SINGLE_CHOICE")
                        .add("text", "export-canary question")
                        .add("mandatory", false)
                        .add(
                            "options",
                            Json.createArrayBuilder()
                                .add(
                                    Json.createObjectBuilder()
                                        .add("text", "no")
                                        .add("correct", false))
                                .add(
                                    Json.createObjectBuilder()
                                        .add("text", "yes")
                                        .add("correct", true)))))
        .add("passMark", 100)
        .add("maxAttempts", 2)
        .add("counting", "BEST")
        .add("shuffleQuestions", false)
        .add("shuffleOptions", false)
        .build();
  }

  private JsonObject view(String token) throws Exception {
    RestClient.Reply reply = api().get("api/v1/offboarding/" + offboardingId, token);
    assertEquals(200, reply.status(), reply.body());
    return reply.json();
  }

  private JsonObject awaitReady() throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
    while (true) {
      JsonObject v = view(admin);
      if (v.getString("state").equals("READY_FOR_DOWNLOAD")) {
        return v;
      }
      assertEquals("EXPORTING", v.getString("state"), v.toString());
      assertTrue(System.nanoTime() < deadline, "still " + v);
      Thread.sleep(500);
    }
  }

  /** The path below the app of an absolute export URL (the app's public address may differ). */
  private static String exportPath(String url) {
    assertNotNull(url);
    String path = URI.create(url).getPath();
    return path.substring(path.indexOf("api/v1/"));
  }

  /** The tenant's bucket as S3Proxy's filesystem backend stores it. */
  private static Path bucket() {
    return Path.of(System.getProperty("kursfilm.it.s3.dir"))
        .resolve("blobs")
        .resolve("kursfilm-" + tenantId.toLowerCase(Locale.ROOT));
  }

  private static JsonValue json(ZipFile zip, String name) throws Exception {
    return ExportArchives.json(zip, name);
  }

  private static byte[] bytes(ZipFile zip, String name) throws Exception {
    return ExportArchives.bytes(zip, name);
  }

  /** A count of the tenant's rows, straight from MariaDB. */
  private static long count(String sql) throws Exception {
    try (Connection db =
            DriverManager.getConnection(
                System.getProperty("kursfilm.it.db.url"),
                System.getProperty("kursfilm.it.db.user"),
                System.getProperty("kursfilm.it.db.password"));
        PreparedStatement query = db.prepareStatement(sql)) {
      query.setString(1, tenantId);
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  private static long count(Set<String> names, String suffix) {
    return names.stream().filter(n -> n.endsWith(suffix)).count();
  }

  private static JsonObject empty() {
    return Json.createObjectBuilder().build();
  }
}
