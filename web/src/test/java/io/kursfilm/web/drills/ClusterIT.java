package io.kursfilm.web.drills;

import static io.kursfilm.web.testing.ReliabilityReport.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kursfilm.storage.objects.ObjectStore;
import io.kursfilm.storage.objects.ObjectSummary;
import io.kursfilm.web.ItEnvironment;
import io.kursfilm.web.testing.DemoTenants;
import io.kursfilm.web.testing.FormLogin;
import io.kursfilm.web.testing.ReliabilityReport;
import io.kursfilm.web.testing.RestClient;
import io.kursfilm.web.video.TestMedia;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The app on several nodes (failsafe execution {@code cluster}, Maven profile {@code cluster}): two
 * Payara Micro nodes in one Hazelcast data grid behind nginx, two standalone transcoder workers, a
 * private MariaDB and S3 endpoint ({@link ClusterEnvironment}). A shred on one node reaches the
 * other through the grid; then one node and one busy worker are killed mid-transcode: every video
 * still reaches review, no transcode completes twice, and a logged-in user keeps their session.
 */
@Tag("cluster")
@TestMethodOrder(OrderAnnotation.class)
class ClusterIT {

  private static final Pattern TRANSCODED = Pattern.compile("version (\\S+) transcoded");
  private static final int VIDEOS = 3;
  private static final List<String> ROWS = new ArrayList<>();
  private static final long T0 = System.nanoTime();

  private static ClusterEnvironment env;
  private static DemoTenants viaBalancer;
  private static Path clip;
  private static String setUp;

  @BeforeAll
  static void start() throws Exception {
    env = ClusterEnvironment.start();
    setUp = Readiness.seconds(T0) + " s";
    viaBalancer = new DemoTenants(env.base());
    Path media = Files.createDirectories(env.home().resolve("media"));
    clip = TestMedia.clip(media, "clip.mp4", "640x360", 16, "cluster");
  }

  @AfterAll
  static void stop() throws Exception {
    if (env != null) {
      env.close();
    }
  }

  @Test
  @Order(1)
  void the_app_nodes_form_one_data_grid() throws Exception {
    String second = Files.readString(env.node(1).log());
    assertTrue(
        second.contains("cache notices shared with 1 other node(s)"),
        "the second node joined the first one's data grid; see " + env.node(1).log());
    ROWS.add(
        row(
            "2 app nodes, nginx, 2 workers started",
            "node B joined node A's data grid (TCP/IP on loopback)",
            setUp));
  }

  @Test
  @Order(2)
  void a_shred_on_one_node_binds_the_other_at_once() throws Exception {
    DemoTenants nodeA = new DemoTenants(env.node(0).base());
    RestClient nodeB = new RestClient(env.node(1).base());
    String root = nodeA.login("platform", "root");
    String slug = "cluster" + UUID.randomUUID().toString().substring(0, 8);
    String email = "admin@" + slug + ".example";
    String password = "cluster-admin-password-" + slug;
    RestClient.Reply created = nodeA.createTenant(root, slug, "Cluster GmbH", email, password);
    assertEquals(201, created.status(), created.body());
    String tenantId = created.json().getString("id");
    // The company's only user uploads as well; a role change ends their sessions.
    nodeA.setRoles(
        nodeA.api().login(slug, email, password), slug, "admin", "TENANT_ADMIN", "TRAINER");
    String admin = nodeA.api().login(slug, email, password);
    Path small = TestMedia.clip(env.home().resolve("media"), "small.mp4", "320x240", 4, "shred");
    String video = nodeA.transcoded(admin, "Shred me", small);
    String segment = firstSegment(nodeB, admin, video);
    assertEquals(200, nodeB.download(segment, admin).status(), "node B plays the tenant's video");

    RestClient.Reply offboarding = nodeA.api().post("api/v1/offboarding", admin, empty());
    assertEquals(202, offboarding.status(), offboarding.body());
    String id = offboarding.json().getString("id");
    awaitOffboarding(nodeA.api(), admin, id, "READY_FOR_DOWNLOAD");
    int noticesBefore = tenantNotices(env.node(1).log(), tenantId);
    assertTrue(noticesBefore >= 1, "node B heard of the freeze from node A");
    long confirmed = System.nanoTime();
    RestClient.Reply shred =
        nodeA
            .api()
            .post(
                "api/v1/offboarding/" + id + "/confirm",
                admin,
                Json.createObjectBuilder().add("confirmTenant", slug).build());
    assertEquals(202, shred.status(), shred.body());
    double heard = -1;
    while (System.nanoTime() - confirmed < TimeUnit.SECONDS.toNanos(5)) {
      if (tenantNotices(env.node(1).log(), tenantId) > noticesBefore) {
        heard = Readiness.seconds(confirmed);
        break;
      }
      Thread.sleep(50);
    }
    int after = nodeB.download(segment, admin).status();
    ROWS.add(
        row(
            "shred confirmed on node A (throwaway company, one video played on node B)",
            "node B dropped the company's state, keys and cached ciphertext "
                + heard
                + " s after the confirmation; its segment then answers HTTP "
                + after,
            "—"));
    assertTrue(heard >= 0, "node B heard of the shred within 5 s");
    assertNotEquals(200, after, "node B no longer serves the shredded company's video");
  }

  @Test
  @Order(3)
  void a_video_archived_on_one_node_stops_playing_on_the_other_at_once() throws Exception {
    DemoTenants nodeA = new DemoTenants(env.node(0).base());
    RestClient nodeB = new RestClient(env.node(1).base());
    String trainer = nodeA.login("trainer");
    Path small = TestMedia.clip(env.home().resolve("media"), "archive.mp4", "320x240", 2, "arch");
    String video = nodeA.transcoded(trainer, "Archive me", small);
    nodeA.approve(video);
    String employee = nodeA.login("employee1");
    String master = "api/v1/videos/" + video + "/hls/master.m3u8";
    assertEquals(200, nodeB.download(master, employee).status(), "node B plays it (and keeps it)");

    RestClient.Reply archived =
        nodeA.api().post("api/v1/videos/" + video + "/archive", trainer, empty());
    assertEquals(200, archived.status(), archived.body());
    long t0 = System.nanoTime();
    int status = 200;
    while (status == 200 && System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(30)) {
      status = nodeB.download(master, employee).status();
      if (status == 200) {
        Thread.sleep(50);
      }
    }
    double stopped = Readiness.seconds(t0);
    ROWS.add(
        row(
            "published video archived on node A (an employee playing it on node B; rendition cache"
                + " 60 s)",
            "node B answered HTTP " + status + " " + stopped + " s after the archive",
            "—"));
    assertNotEquals(200, status, "node B stops serving the archived video");
    assertTrue(stopped < 5, "through the notice, not the cache's 60 s: " + stopped + " s");
  }

  /**
   * Each node keeps who stands behind a token for a minute (CallerCache): a logout or a
   * deactivation on one node must reach the other through the grid, not wait for that minute.
   */
  @Test
  @Order(4)
  void a_logout_and_a_deactivation_on_one_node_end_the_token_on_the_other_at_once()
      throws Exception {
    DemoTenants nodeA = new DemoTenants(env.node(0).base());
    RestClient nodeB = new RestClient(env.node(1).base());
    String leaving = nodeA.login("employee4");
    assertEquals(200, nodeB.get("api/v1/me", leaving).status(), "node B knows the token");
    assertEquals(204, nodeA.api().delete("api/v1/sessions/current", leaving).status());
    double loggedOut = secondsUntilRefused(nodeB, leaving);

    String admin = nodeA.login("admin");
    String id =
        nodeA.api().get("api/v1/users", admin).array().stream()
            .map(JsonValue::asJsonObject)
            .filter(u -> u.getString("email").equals("employee5@demo.example"))
            .findFirst()
            .orElseThrow()
            .getString("id");
    String deactivatedToken = nodeA.login("employee5");
    assertEquals(200, nodeB.get("api/v1/me", deactivatedToken).status());
    RestClient.Reply off = nodeA.api().put("api/v1/users/" + id, admin, standing(false));
    assertEquals(200, off.status(), off.body());
    double deactivated = secondsUntilRefused(nodeB, deactivatedToken);
    assertEquals(200, nodeA.api().put("api/v1/users/" + id, admin, standing(true)).status());

    ROWS.add(
        row(
            "logout on node A of a token node B had just accepted (caller cache 60 s)",
            "node B answered 401 " + loggedOut + " s after the logout",
            "—"));
    ROWS.add(
        row(
            "user deactivated on node A while their token works on node B",
            "node B answered 401 " + deactivated + " s after the deactivation",
            "—"));
    assertTrue(loggedOut < 5, "through the notice, not the cache's 60 s: " + loggedOut + " s");
    assertTrue(deactivated < 5, "through the notice: " + deactivated + " s");
  }

  private static double secondsUntilRefused(RestClient node, String token) throws Exception {
    long t0 = System.nanoTime();
    int status = 200;
    while (status == 200 && System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(30)) {
      status = node.get("api/v1/me", token).status();
      if (status == 200) {
        Thread.sleep(50);
      }
    }
    assertEquals(401, status, "the token stops working on the other node");
    return Readiness.seconds(t0);
  }

  private static JsonObject standing(boolean active) {
    return Json.createObjectBuilder()
        .add("active", active)
        .add("roles", Json.createArrayBuilder().add("EMPLOYEE"))
        .build();
  }

  @Test
  @Order(5)
  void a_node_and_a_worker_die_mid_transcode_and_nothing_is_lost() throws Exception {
    String trainer = viaBalancer.login("trainer");
    String email = DemoTenants.email("demo", "trainer");
    HttpClient browser = FormLogin.login(env.base(), "demo", email, ItEnvironment.demoPassword());
    for (int i = 0; i < 4; i++) {
      // Round robin without stickiness: the session is read on both nodes.
      assertEquals(200, FormLogin.status(browser, env.base(), "api/v1/me"), "request " + i);
    }
    List<String> videos = new ArrayList<>();
    for (int i = 0; i < VIDEOS; i++) {
      videos.add(upload(trainer, "Cluster video " + (i + 1)));
    }
    WorkerNode busy = awaitBusyWorker();
    long killed = System.nanoTime();
    busy.kill();
    env.node(0).kill();

    int me = FormLogin.status(browser, env.base(), "api/v1/me");
    int page = FormLogin.status(browser, env.base(), "trainer/index.xhtml");
    for (String video : videos) {
      viaBalancer.awaitState(trainer, video, "IN_REVIEW");
    }
    double allInReview = Readiness.seconds(killed);
    Map<String, Integer> completions = completions();
    Map<String, Integer> renditions = new TreeMap<>();
    ObjectStore objects = new ObjectStore(env.s3().settings("kursfilm"));
    String demoTenant = tenantId("demo");
    for (String video : videos) {
      renditions.put(video, attemptPrefixes(objects.list(demoTenant, "videos/" + video + "/hls/")));
    }
    ROWS.add(
        row(
            "node A and the worker running a transcode killed (SIGKILL) while "
                + VIDEOS
                + " uploads were transcoding",
            "all "
                + VIDEOS
                + " reached review ("
                + allInReview
                + " s after the kill); completed transcodes per video "
                + completions.values()
                + ", renditions stored per video "
                + renditions.values()
                + "; the UI session after the kill: api/v1/me HTTP "
                + me
                + ", trainer start page HTTP "
                + page,
            "—"));
    assertEquals(200, me, "the logged-in user keeps their session on the surviving node");
    assertEquals(200, page, "the start page renders for the user, no redirect to the login");
    for (String video : videos) {
      assertEquals(1, completions.getOrDefault(video, 0), "transcodes completed of " + video);
      assertEquals(1, renditions.get(video), "renditions stored of " + video);
    }
    ReliabilityReport.section(
        "50-cluster.md",
        "Cluster",
        "Two Payara Micro nodes clustered over Hazelcast (TCP/IP discovery on loopback) behind"
            + " nginx (round robin, no stickiness), two standalone transcoder workers, a private"
            + " MariaDB and S3Proxy (`ClusterIT`, Maven profile `cluster`). The test took "
            + Readiness.seconds(T0)
            + " s.\n\n"
            + row("Step", "Checked", "Set-up")
            + row("---", "---", "---")
            + String.join("", ROWS));
  }

  private static String upload(String trainer, String title) throws Exception {
    RestClient.Reply reply =
        viaBalancer
            .api()
            .sendBytes(
                "POST",
                "api/v1/videos?title=" + URLEncoder.encode(title, StandardCharsets.UTF_8),
                trainer,
                Files.readAllBytes(clip));
    assertEquals(202, reply.status(), reply.body());
    return reply.json().getString("id");
  }

  private static WorkerNode awaitBusyWorker() throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      for (WorkerNode worker : env.workers()) {
        if (worker.transcoding()) {
          return worker;
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no worker started transcoding");
  }

  /** How often each version was reported transcoded, over every worker's log. */
  private static Map<String, Integer> completions() throws Exception {
    Map<String, Integer> counts = new TreeMap<>();
    for (WorkerNode worker : env.workers()) {
      Matcher m = TRANSCODED.matcher(Files.readString(worker.log()));
      while (m.find()) {
        counts.merge(m.group(1), 1, Integer::sum);
      }
    }
    return counts;
  }

  /** Distinct transcode attempts ({@code videos/<version>/hls/<attempt>/…}) among the objects. */
  private static int attemptPrefixes(List<ObjectSummary> objects) {
    Set<String> attempts =
        objects.stream().map(o -> o.key().split("/")[3]).collect(Collectors.toSet());
    return attempts.size();
  }

  private static int tenantNotices(Path log, String tenantId) throws Exception {
    String text = Files.readString(log);
    String line = "tenant " + tenantId + " changed on another node";
    int count = 0;
    for (int at = text.indexOf(line); at >= 0; at = text.indexOf(line, at + 1)) {
      count++;
    }
    return count;
  }

  private static void awaitOffboarding(RestClient api, String admin, String id, String wanted)
      throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    String state = "";
    while (System.nanoTime() < deadline) {
      state = api.get("api/v1/offboarding/" + id, admin).json().getString("state");
      if (state.equals(wanted)) {
        return;
      }
      Thread.sleep(300);
    }
    throw new AssertionError("offboarding still " + state);
  }

  private static String tenantId(String slug) throws Exception {
    String root = viaBalancer.login("platform", "root");
    return viaBalancer.api().get("api/v1/tenants", root).array().stream()
        .map(JsonValue::asJsonObject)
        .filter(t -> slug.equals(t.getString("slug", null)))
        .map(t -> t.getString("id"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no tenant " + slug));
  }

  /** The first segment of the video's first rendition, as a path below the app. */
  private static String firstSegment(RestClient api, String token, String video) throws Exception {
    String hls = "api/v1/videos/" + video + "/hls/";
    String master = new String(api.download(hls + "master.m3u8", token).body());
    String playlist = firstUri(master);
    String rendition = new String(api.download(hls + playlist, token).body());
    String dir = playlist.contains("/") ? playlist.substring(0, playlist.lastIndexOf('/') + 1) : "";
    return hls + dir + firstUri(rendition);
  }

  private static String firstUri(String playlist) {
    return playlist
        .lines()
        .filter(l -> !l.isBlank() && !l.startsWith("#"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("empty playlist: " + playlist));
  }

  private static JsonObject empty() {
    return Json.createObjectBuilder().build();
  }
}
