package io.kursfilm.web.drills;

import static io.kursfilm.web.testing.ReliabilityReport.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kursfilm.storage.objects.ObjectStore;
import io.kursfilm.web.testing.DemoTenants;
import io.kursfilm.web.testing.ExportArchives;
import io.kursfilm.web.testing.ReliabilityReport;
import io.kursfilm.web.testing.RestClient;
import io.kursfilm.web.video.TestMedia;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Fault drills against real processes: a MariaDB, an S3 endpoint and a Payara Micro of the drills'
 * own ({@link DrillEnvironment}), stopped, restarted and killed while the app uploads, plays,
 * transcodes and exports. Each drill checks that readiness names the outage while it lasts, that
 * the work completes after recovery and that nothing is lost; the last one runs the orphan
 * reconciliation and checks that it removes exactly what no row owns. Runs in failsafe execution
 * {@code drills} (web/pom.xml), after the shared app is gone, and writes {@code 30-fault-drills.md}
 * of RELIABILITY.md.
 */
@Tag("drill")
@TestMethodOrder(OrderAnnotation.class)
class FaultDrillsIT {

  private static final Duration OUTAGE_LIMIT = Duration.ofSeconds(60);
  private static final List<String> ROWS = new ArrayList<>();
  private static final List<String> PLAYING = new ArrayList<>();
  private static final long T0 = System.nanoTime();

  private static DrillEnvironment env;
  private static DemoTenants demo;
  private static String trainer;
  private static String root;
  private static String demoTenantId;
  private static Path shortClip;
  private static Path longClip;
  private static ObjectStore objects;
  private static String startTimes;

  @BeforeAll
  static void start() throws Exception {
    env = DrillEnvironment.start();
    demo = new DemoTenants(env.app().base());
    login();
    demoTenantId = tenantId("demo");
    objects = new ObjectStore(env.s3().settings("kursfilm"));
    Path media = Files.createDirectories(env.home().resolve("media"));
    shortClip = TestMedia.clip(media, "short.mp4", "320x240", 4, "drill");
    longClip = TestMedia.clip(media, "long.mp4", "640x360", 24, "drill");
    PLAYING.add(demo.transcoded(trainer, "Drill video", shortClip));
    startTimes = env.firstStart().toMillis() / 1000.0 + " s";
  }

  @AfterAll
  static void stop() throws Exception {
    if (env != null) {
      env.close();
    }
  }

  private static void login() throws Exception {
    trainer = demo.login("trainer");
    root = demo.login("platform", "root");
  }

  private static RestClient api() {
    return demo.api();
  }

  @Test
  @Order(1)
  void readiness_stays_up_under_load_while_everything_is_up() throws Exception {
    String segment = firstSegment(PLAYING.get(0));
    ExecutorService pool = Executors.newFixedThreadPool(25);
    AtomicInteger failed = new AtomicInteger();
    List<Future<?>> requests = new ArrayList<>();
    long t0 = System.nanoTime();
    for (int i = 0; i < 200; i++) {
      String path = i % 2 == 0 ? hls(PLAYING.get(0), "master.m3u8") : segment;
      requests.add(
          pool.submit(
              () -> {
                try {
                  if (api().download(path, trainer).status() != 200) {
                    failed.incrementAndGet();
                  }
                } catch (Exception e) {
                  failed.incrementAndGet();
                }
              }));
    }
    int polls = 0;
    int notReady = 0;
    while (requests.stream().anyMatch(f -> !f.isDone())) {
      polls++;
      if (!Readiness.of(api()).up()) {
        notReady++;
      }
      Thread.sleep(100);
    }
    pool.shutdown();
    double took = Readiness.seconds(t0);
    ROWS.add(
        row(
            "none (load: 200 parallel playlist/segment requests, 25 at a time)",
            "readiness polled every 100 ms: " + polls + " polls, " + notReady + " not ready",
            "—",
            "—",
            "requests done in " + took + " s, " + failed.get() + " failed",
            "—"));
    assertEquals(0, failed.get(), "requests failed under load");
    assertEquals(0, notReady, "readiness flapped under load with everything up");
  }

  @Test
  @Order(2)
  void s3_stopped_during_playback_fails_segments_cleanly_until_it_returns() throws Exception {
    String video = PLAYING.get(0);
    String played = firstSegment(video); // played 100 times above: in the ciphertext cache
    String unplayed = initSegment(video); // nobody has fetched it yet
    env.s3().stop();
    double detected;
    int during;
    int cachedDuring;
    try {
      detected = Readiness.awaitDown(api(), "object-store", OUTAGE_LIMIT);
      during = api().download(unplayed, trainer).status();
      cachedDuring = api().download(played, trainer).status();
    } finally {
      env.s3().start();
    }
    double recovered = Readiness.awaitUp(api(), OUTAGE_LIMIT);
    int after = api().download(unplayed, trainer).status();
    ROWS.add(
        row(
            "S3 stopped during playback",
            "unplayed segment while down: "
                + during
                + ", a played one (ciphertext cache): "
                + cachedDuring
                + "; after: "
                + after,
            detected + " s (object-store)",
            recovered + " s",
            "—",
            "—"));
    // A segment is read from S3 lazily, while its body streams: the failure surfaces as the
    // stream's IOException, after the API's mapping to 503 (uploads and chunks get 503).
    assertTrue(during >= 500 && during < 600, "a segment without S3 is a 5xx, was " + during);
    // Its ciphertext is in the node's memory; the key still comes from the key store.
    assertEquals(200, cachedDuring, "a segment viewers just played still plays");
    assertEquals(200, after);
  }

  @Test
  @Order(3)
  void s3_stopped_during_upload_refuses_it_and_the_retried_upload_completes() throws Exception {
    // A whole-file upload that is half sent when the endpoint goes away: the first chunks are
    // sealed and stored, the rest cannot be. The client must get a clear error.
    CountDownLatch stopped = new CountDownLatch(1);
    CountDownLatch halfSent = new CountDownLatch(1);
    byte[] bytes = new byte[3 * 1024 * 1024];
    ThreadLocalRandom.current().nextBytes(bytes);
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(env.app().base() + "api/v1/videos?title=Broken"))
            .timeout(Duration.ofSeconds(90))
            .header("Authorization", "Bearer " + trainer)
            .header("Content-Type", "application/octet-stream")
            .POST(
                HttpRequest.BodyPublishers.fromPublisher(
                    HttpRequest.BodyPublishers.ofInputStream(
                        () -> new StallingStream(bytes, 2 * 1024 * 1024 + 4096, halfSent, stopped)),
                    bytes.length))
            .build();
    HttpClient http = HttpClient.newHttpClient();
    var reply = http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    assertTrue(halfSent.await(30, TimeUnit.SECONDS), "upload started");
    Thread.sleep(1500); // let the server seal the chunks it has
    env.s3().stop();
    int during;
    double detected;
    try {
      detected = Readiness.awaitDown(api(), "object-store", OUTAGE_LIMIT);
      stopped.countDown();
      during = reply.get(90, TimeUnit.SECONDS).statusCode();
    } finally {
      env.s3().start();
    }
    double recovered = Readiness.awaitUp(api(), OUTAGE_LIMIT);

    // The resumable way: a chunk refused while the endpoint is away is simply sent again.
    JsonObject upload =
        api()
            .post(
                "api/v1/videos/uploads",
                trainer,
                Json.createObjectBuilder()
                    .add("title", "Resumed")
                    .add("size", Files.size(shortClip))
                    .build())
            .json();
    String id = upload.getString("id");
    byte[] clip = Files.readAllBytes(shortClip);
    env.s3().stop();
    int chunkDuring;
    try {
      Readiness.awaitDown(api(), "object-store", OUTAGE_LIMIT);
      chunkDuring =
          api().sendBytes("PUT", "api/v1/videos/" + id + "/chunks/0", trainer, clip).status();
    } finally {
      env.s3().start();
    }
    Readiness.awaitUp(api(), OUTAGE_LIMIT);
    String received = api().get("api/v1/videos/" + id + "/upload", trainer).json().toString();
    int chunkAfter =
        api().sendBytes("PUT", "api/v1/videos/" + id + "/chunks/0", trainer, clip).status();
    int complete =
        api().post("api/v1/videos/" + id + "/upload/complete", trainer, empty()).status();
    long t0 = System.nanoTime();
    demo.awaitState(trainer, id, "IN_REVIEW");
    double completed = Readiness.seconds(t0);
    PLAYING.add(id);
    ROWS.add(
        row(
            "S3 stopped during upload",
            "whole-file upload cut: HTTP "
                + during
                + "; resumable chunk while down: HTTP "
                + chunkDuring
                + ", sent again after: HTTP "
                + chunkAfter
                + ", completed: HTTP "
                + complete,
            detected + " s (object-store)",
            recovered + " s",
            completed + " s to IN_REVIEW",
            "left to the reconciliation below"));
    assertTrue(during >= 400, "the cut upload is refused, was " + during);
    assertEquals(503, chunkDuring, "a chunk without S3: unavailable, retry");
    assertTrue(chunkAfter < 300, "the chunk is taken when sent again: " + chunkAfter);
    assertEquals(202, complete, received);
  }

  @Test
  @Order(4)
  void key_store_away_is_reported_and_its_return_restores_readiness() throws Exception {
    // CI runs as root, whom chmod does not stop: the directory is renamed instead, which is what
    // an unmounted or lost volume looks like to the app (the path no longer leads to the keys).
    Path keys = env.keyStore();
    Path away = keys.resolveSibling(keys.getFileName() + ".away");
    String segment = firstSegment(PLAYING.get(0));
    Files.move(keys, away);
    double detected;
    int during;
    try {
      detected = Readiness.awaitDown(api(), "key-store", OUTAGE_LIMIT);
      Thread.sleep(2500); // the key cache's TTL in the drills
      during = api().download(segment, trainer).status();
    } finally {
      Files.move(away, keys);
    }
    double recovered = Readiness.awaitUp(api(), OUTAGE_LIMIT);
    int after = api().download(segment, trainer).status();
    ROWS.add(
        row(
            "key store directory made unusable (renamed away)",
            "segment while away: HTTP " + during + "; after: HTTP " + after,
            detected + " s (key-store)",
            recovered + " s",
            "—",
            "—"));
    assertTrue(during >= 500 && during < 600, "a segment without its key is a 5xx, was " + during);
    assertEquals(200, after);
  }

  @Test
  @Order(5)
  void mariadb_restarted_during_a_transcode_and_the_job_completes() throws Exception {
    String id = uploadAndAwaitProcessing("DB drill");
    env.db().stop();
    double detected;
    try {
      detected = Readiness.awaitDown(api(), "database", OUTAGE_LIMIT);
    } finally {
      env.db().start();
    }
    long back = System.nanoTime();
    double recovered = Readiness.awaitUp(api(), OUTAGE_LIMIT);
    demo.awaitState(trainer, id, "IN_REVIEW");
    double completed = Readiness.seconds(back);
    PLAYING.add(id);
    ROWS.add(
        row(
            "MariaDB restarted during a transcode",
            "video reached IN_REVIEW and plays",
            detected + " s (database)",
            recovered + " s",
            completed + " s after the restart",
            "—"));
  }

  @Test
  @Order(6)
  void ffmpeg_killed_during_a_transcode_is_retried_and_leaves_no_temp_files() throws Exception {
    String id = uploadAndAwaitProcessing("ffmpeg drill");
    long t0 = System.nanoTime();
    int killed = 0;
    while (killed == 0 && System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(60)) {
      for (ProcessHandle p : env.app().handle().descendants().toList()) {
        if (p.info().command().orElse("").endsWith("ffmpeg") && p.destroyForcibly()) {
          killed++;
        }
      }
      Thread.sleep(50);
    }
    assertTrue(killed > 0, "an ffmpeg of the transcode was found and killed");
    String end = awaitEither(id, "IN_REVIEW", "FAILED");
    JsonObject video = api().get("api/v1/videos/" + id, trainer).json();
    if (video.containsKey("error") && !video.isNull("error")) {
      end += " (error " + video.get("error") + ")";
    }
    double completed = Readiness.seconds(t0);
    long left = DrillProcesses.filesUnder(env.workDir());
    if (end.startsWith("IN_REVIEW")) {
      PLAYING.add(id);
    }
    ROWS.add(
        row(
            "ffmpeg killed during a transcode (" + killed + " process(es))",
            "job ended " + end + "; files left in the work directory: " + left,
            "—",
            "—",
            completed + " s after the kill",
            "—"));
    assertEquals(0, left, "no temp files left behind");
  }

  @Test
  @Order(7)
  void app_killed_mid_job_and_the_job_is_taken_over_after_the_restart() throws Exception {
    String id = uploadAndAwaitProcessing("kill drill");
    long t0 = System.nanoTime();
    env.app().kill();
    Duration restart = env.app().start();
    login();
    demo.awaitState(trainer, id, "IN_REVIEW");
    double completed = Readiness.seconds(t0);
    PLAYING.add(id);
    startTimes += ", restart after SIGKILL " + restart.toMillis() / 1000.0 + " s";
    ROWS.add(
        row(
            "app killed (SIGKILL) mid-transcode",
            "restarted; job taken over, video reached IN_REVIEW and plays",
            "—",
            "ready " + restart.toMillis() / 1000.0 + " s after the restart",
            completed + " s after the kill",
            "—"));
  }

  @Test
  @Order(8)
  void s3_stopped_during_an_export_and_the_export_resumes() throws Exception {
    String slug = "drill" + UUID.randomUUID().toString().substring(0, 8);
    String password = "drill-admin-password-" + slug;
    RestClient.Reply created =
        demo.createTenant(root, slug, "Drill GmbH", "admin@" + slug + ".example", password);
    assertEquals(201, created.status(), created.body());
    String admin = api().login(slug, "admin@" + slug + ".example", password);
    env.s3().stop();
    double detected;
    RestClient.Reply started;
    try {
      detected = Readiness.awaitDown(api(), "object-store", OUTAGE_LIMIT);
      started = api().post("api/v1/offboarding", admin, empty());
      Thread.sleep(3000); // the export runner tries, fails and backs off
    } finally {
      env.s3().start();
    }
    double recovered = Readiness.awaitUp(api(), OUTAGE_LIMIT);
    int startedWhileDown = started.status();
    if (started.status() >= 500) {
      started = api().post("api/v1/offboarding", admin, empty());
    }
    assertEquals(202, started.status(), started.body());
    String id = started.json().getString("id");
    long t0 = System.nanoTime();
    String state = "";
    while (System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(90)) {
      state = api().get("api/v1/offboarding/" + id, admin).json().getString("state");
      if (!state.equals("EXPORTING")) {
        break;
      }
      Thread.sleep(300);
    }
    double completed = Readiness.seconds(t0);
    String tenantId = created.json().getString("id");
    int parts = objects.list(tenantId, "export/" + id + "/").size();
    ROWS.add(
        row(
            "S3 stopped during an export (throwaway tenant)",
            "offboarding started while S3 was down (HTTP "
                + startedWhileDown
                + "); export "
                + state
                + " with "
                + parts
                + " part(s)",
            detected + " s (object-store)",
            recovered + " s",
            completed + " s after S3 returned",
            "—"));
    assertEquals("READY_FOR_DOWNLOAD", state);
    assertTrue(parts > 0, "the export's parts are stored");
  }

  @Test
  @Order(9)
  void app_killed_mid_export_and_the_export_resumes_complete_after_the_restart() throws Exception {
    String slug = "drill" + UUID.randomUUID().toString().substring(0, 8);
    String email = "admin@" + slug + ".example";
    String password = "drill-admin-password-" + slug;
    RestClient.Reply created = demo.createTenant(root, slug, "Drill GmbH", email, password);
    assertEquals(201, created.status(), created.body());
    String tenantId = created.json().getString("id");
    // The company's only user uploads too; a role change ends their sessions.
    demo.setRoles(api().login(slug, email, password), slug, "admin", "TENANT_ADMIN", "TRAINER");
    String admin = api().login(slug, email, password);
    for (int i = 1; i <= 2; i++) {
      demo.transcoded(admin, "Export drill " + i, longClip);
    }
    RestClient.Reply started = api().post("api/v1/offboarding", admin, empty());
    assertEquals(202, started.status(), started.body());
    String id = started.json().getString("id");
    String prefix = "export/" + id + "/";
    long t0 = System.nanoTime();
    int partsAtKill = 0;
    while (partsAtKill < 2 && System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(60)) {
      partsAtKill = objects.list(tenantId, prefix).size();
      Thread.sleep(10);
    }
    String stateAtKill = api().get("api/v1/offboarding/" + id, admin).json().getString("state");
    env.app().kill();
    Duration restart = env.app().start();
    long back = System.nanoTime();
    login();
    String admin2 = api().login(slug, email, password);
    String state = "";
    while (System.nanoTime() - back < TimeUnit.SECONDS.toNanos(120)) {
      state = api().get("api/v1/offboarding/" + id, admin2).json().getString("state");
      if (!state.equals("EXPORTING")) {
        break;
      }
      Thread.sleep(300);
    }
    double completed = Readiness.seconds(back);
    JsonObject ready = api().get("api/v1/offboarding/" + id, admin2).json();
    String url = URI.create(ready.getString("exportUrl")).getPath();
    RestClient.Download zip = api().download(url.substring(url.indexOf("api/v1/")), admin2);
    Path file = env.home().resolve("export-" + id + ".zip");
    Files.write(file, zip.body());
    int files;
    try (ZipFile archive = new ZipFile(file.toFile())) {
      files = ExportArchives.verifyManifest(archive).size();
    }
    ROWS.add(
        row(
            "app killed (SIGKILL) mid-export (throwaway company, 2 videos)",
            "killed with "
                + partsAtKill
                + " part(s) stored, export "
                + stateAtKill
                + "; after the restart it became "
                + state
                + " and its "
                + zip.body().length
                + "-byte ZIP holds the "
                + files
                + " files its manifest lists, each with its SHA-256",
            "—",
            "ready " + restart.toMillis() / 1000.0 + " s after the restart",
            completed + " s after the restart",
            "—"));
    assertEquals("EXPORTING", stateAtKill, "the kill came mid-export");
    assertEquals("READY_FOR_DOWNLOAD", state);
    assertEquals(200, zip.status());
  }

  @Test
  @Order(10)
  void reconciliation_removes_only_what_no_row_owns_and_nothing_is_lost() throws Exception {
    // Orphans as a crash leaves them: objects of a version whose row is gone, a rendition of an
    // idle version that is not its published one, export parts of an offboarding that never was.
    String idle = versionIdOf(PLAYING.get(0));
    List<String> planted =
        List.of(
            "videos/" + UUID.randomUUID() + "/original-000000",
            "videos/" + idle + "/hls/0123456789abcdef/seg-0.ts",
            "export/" + UUID.randomUUID() + "/part-000000");
    for (String key : planted) {
      objects.put(demoTenantId, key, new ByteArrayInputStream(new byte[1000]));
    }
    long before = count(demoTenantId);
    Thread.sleep(6000); // the drills' grace period is 5 s
    JsonObject first = api().post("api/v1/reconciliations", root, empty()).json();
    JsonObject second = api().post("api/v1/reconciliations", root, empty()).json();
    long after = count(demoTenantId);
    for (String key : planted) {
      assertTrue(objects.list(demoTenantId, key).isEmpty(), "removed: " + key);
    }
    int plays = 0;
    for (String video : PLAYING) {
      if (api().download(firstSegment(video), trainer).status() == 200) {
        plays++;
      }
    }
    int rows = api().get("api/v1/videos", trainer).array().size();
    long found = first.getJsonNumber("objects").longValue();
    ROWS.add(
        row(
            "orphan reconciliation after the drills",
            planted.size()
                + " orphans planted; "
                + PLAYING.size()
                + " videos of the drills, "
                + plays
                + " play; the trainer sees "
                + rows
                + " videos",
            "—",
            "—",
            "—",
            "found and removed "
                + found
                + " objects (planted "
                + planted.size()
                + ", left by the drills "
                + (found - planted.size())
                + "; "
                + first.getJsonNumber("bytes").longValue()
                + " bytes: "
                + kinds(first)
                + "); "
                + (before - after)
                + " fewer objects in the bucket; second pass: "
                + second.getJsonNumber("objects").longValue()));
    assertTrue(found >= planted.size(), first.toString());
    assertEquals(0, second.getJsonNumber("objects").longValue(), second.toString());
    assertEquals(PLAYING.size(), plays, "every video of the drills still plays");
    ReliabilityReport.section(
        "30-fault-drills.md",
        "Fault drills",
        "Real processes stopped, restarted and killed under the app (`FaultDrillsIT`, failsafe"
            + " execution `drills`): a private MariaDB, S3Proxy and Payara Micro running the shipped"
            + " war. Times are measured from the fault (outage detected: readiness answered 503"
            + " naming the check) and from the repair (recovered: readiness 200 again). App start: "
            + startTimes
            + "; the drills took "
            + Readiness.seconds(T0)
            + " s in all.\n\n"
            + row("Fault", "Checked", "Outage detected after", "Recovered after", "Job", "Orphans")
            + row("---", "---", "---", "---", "---", "---")
            + String.join("", ROWS));
  }

  private static String kinds(JsonObject report) {
    List<String> parts = new ArrayList<>();
    report
        .getJsonObject("removed")
        .forEach(
            (kind, v) -> {
              long n = v.asJsonObject().getJsonNumber("objects").longValue();
              if (n > 0) {
                parts.add(kind + " " + n);
              }
            });
    return String.join(", ", parts);
  }

  private static long count(String tenantId) {
    return objects.list(tenantId, "videos/").size() + objects.list(tenantId, "export/").size();
  }

  private static String uploadAndAwaitProcessing(String title) throws Exception {
    RestClient.Reply reply =
        api()
            .sendBytes(
                "POST",
                "api/v1/videos?title=" + URLEncoder.encode(title, StandardCharsets.UTF_8),
                trainer,
                Files.readAllBytes(longClip));
    assertEquals(202, reply.status(), reply.body());
    String id = reply.json().getString("id");
    awaitEither(id, "PROCESSING", "PROCESSING");
    return id;
  }

  /** Waits for the video's newest version to reach {@code one} or {@code other}; returns which. */
  private static String awaitEither(String id, String one, String other) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
    String state = "";
    while (System.nanoTime() < deadline) {
      RestClient.Reply reply = api().get("api/v1/videos/" + id, trainer);
      if (reply.status() == 200) {
        state = reply.json().getString("state");
        if (state.equals(one) || state.equals(other)) {
          return state;
        }
      }
      Thread.sleep(200);
    }
    throw new AssertionError("video still " + state);
  }

  private static String hls(String video, String path) {
    return "api/v1/videos/" + video + "/hls/" + path;
  }

  /** The first segment of the first rendition of the video, as a path below the app. */
  private static String firstSegment(String video) throws Exception {
    return inFirstRendition(video, FaultDrillsIT::firstUri);
  }

  /** The first rendition's initialisation segment (the URI of its {@code #EXT-X-MAP}). */
  private static String initSegment(String video) throws Exception {
    return inFirstRendition(
        video,
        playlist ->
            playlist
                .lines()
                .filter(l -> l.startsWith("#EXT-X-MAP:URI=\""))
                .map(l -> l.substring("#EXT-X-MAP:URI=\"".length(), l.lastIndexOf('"')))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no EXT-X-MAP: " + playlist)));
  }

  /** The file that {@code pick} chooses from the master playlist's first rendition. */
  private static String inFirstRendition(String video, UnaryOperator<String> pick)
      throws Exception {
    String master = new String(api().download(hls(video, "master.m3u8"), trainer).body());
    String playlist = firstUri(master);
    String rendition = new String(api().download(hls(video, playlist), trainer).body());
    String dir = playlist.contains("/") ? playlist.substring(0, playlist.lastIndexOf('/') + 1) : "";
    return hls(video, dir + pick.apply(rendition));
  }

  private static String firstUri(String playlist) {
    return playlist
        .lines()
        .filter(l -> !l.isBlank() && !l.startsWith("#"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("empty playlist: " + playlist));
  }

  /** A first version has its video's id (transcoder.job.VideoObjects). */
  private static String versionIdOf(String video) {
    return video;
  }

  private static String tenantId(String slug) throws Exception {
    for (JsonValue t : api().get("api/v1/tenants", root).array()) {
      if (slug.equals(t.asJsonObject().getString("slug", null))) {
        return t.asJsonObject().getString("id");
      }
    }
    throw new AssertionError("no tenant " + slug);
  }

  private static JsonObject empty() {
    return Json.createObjectBuilder().build();
  }

  /** Sends {@code stallAt} bytes, then waits for {@code resume} before sending the rest. */
  private static final class StallingStream extends InputStream {
    private final byte[] bytes;
    private final int stallAt;
    private final CountDownLatch halfSent;
    private final CountDownLatch resume;
    private int next;

    StallingStream(byte[] bytes, int stallAt, CountDownLatch halfSent, CountDownLatch resume) {
      this.bytes = bytes;
      this.stallAt = stallAt;
      this.halfSent = halfSent;
      this.resume = resume;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (next >= bytes.length) {
        return -1;
      }
      if (next >= stallAt) {
        halfSent.countDown();
        try {
          resume.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException(e);
        }
      }
      int n = Math.min(len, (next < stallAt ? stallAt : bytes.length) - next);
      System.arraycopy(bytes, next, b, off, n);
      next += n;
      return n;
    }
  }
}
