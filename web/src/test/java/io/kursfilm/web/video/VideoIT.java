package io.kursfilm.web.video;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kursfilm.web.ItEnvironment;
import io.kursfilm.web.testing.RestClient;
import io.kursfilm.web.testing.SharedApp;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Video ingest end to end through the REST API on the real stack: uploads are sealed into S3Proxy,
 * the app's own worker probes and transcodes them with the real ffmpeg, and the HLS result is
 * played back through the app (ffmpeg reads it over HTTP with the trainer's token). Bad inputs must
 * end as REJECTED_INPUT with nothing left in the object store or the work directory.
 */
@ExtendWith(SharedApp.class)
class VideoIT {

  private static final String PW = ItEnvironment.demoPassword();
  private static final Path WORK = Path.of(System.getProperty("kursfilm.it.work.dir"));

  final URL base = SharedApp.base();
  @TempDir static Path media;

  @BeforeAll
  static void s3() throws Exception {
    ItEnvironment.s3();
  }

  private RestClient api() {
    return new RestClient(base);
  }

  private String login(String tenant, String who) throws Exception {
    return api().login(tenant, who + "@" + tenant + ".example", PW);
  }

  @Test
  void an_upload_becomes_hls_that_plays_through_the_app_and_leaves_no_plaintext() throws Exception {
    String canary = "KF-CANARY-" + UUID.randomUUID();
    Path clip = TestMedia.clip(media, "talk.mp4", "640x360", 6, canary);
    String trainer = login("demo", "trainer");

    RestClient.Reply accepted = upload(trainer, "Safety briefing", Files.readAllBytes(clip));
    assertEquals(202, accepted.status(), accepted.body());
    String id = accepted.json().getString("id");
    assertEquals("UPLOADED", accepted.json().getString("state"));

    JsonObject done = awaitSettled(trainer, id);
    assertEquals("IN_REVIEW", done.getString("state"), done.toString());
    assertEquals(100, done.getInt("progress"));
    assertTrue(Math.abs(done.getJsonNumber("durationSeconds").longValue() - 6) <= 1);
    assertEquals(
        HexFormat.of()
            .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(clip))),
        done.getString("mediaSha256"));

    RestClient.Download master = api().download(hls(id, "master.m3u8"), trainer);
    assertEquals(200, master.status());
    assertEquals("application/vnd.apple.mpegurl", master.header("Content-Type"));
    assertTrue(master.header("Cache-Control").contains("private"));
    String playlist = new String(master.body());
    assertTrue(playlist.contains("360p/playlist.m3u8"), playlist);
    assertFalse(playlist.contains("480p"), "never upscaled: " + playlist);

    String variant = new String(api().download(hls(id, "360p/playlist.m3u8"), trainer).body());
    String segment = variant.lines().filter(l -> l.endsWith(".m4s")).findFirst().orElseThrow();
    byte[] whole = api().download(hls(id, "360p/" + segment), trainer).body();
    RestClient.Download head =
        api().download(hls(id, "360p/" + segment), trainer, "Range", "bytes=0-99");
    assertEquals(206, head.status());
    assertEquals("bytes 0-99/" + whole.length, head.header("Content-Range"));
    RestClient.Download tail =
        api().download(hls(id, "360p/" + segment), trainer, "Range", "bytes=100-");
    ByteArrayOutputStream joined = new ByteArrayOutputStream();
    joined.write(head.body());
    joined.write(tail.body());
    assertArrayEquals(whole, joined.toByteArray(), "ranges add up to the segment");
    assertEquals(
        416,
        api()
            .download(hls(id, "360p/" + segment), trainer, "Range", "bytes=" + whole.length + "-")
            .status());
    assertEquals(
        416,
        api()
            .download(hls(id, "360p/" + segment), trainer, "Range", "bytes=9223372036854775807-")
            .status(),
        "a start past any long is past the content");
    // The same rules as the loopback input: a malformed or multi-range header is 416, never the
    // whole segment.
    for (String header : new String[] {"bytes=5-3", "bytes=abc", "bytes=0-1,5-6", "items=0-1"}) {
      RestClient.Download refused =
          api().download(hls(id, "360p/" + segment), trainer, "Range", header);
      assertEquals(416, refused.status(), header);
      assertEquals("bytes */" + whole.length, refused.header("Content-Range"), header);
    }
    assertEquals(
        "private, no-store",
        api().download(hls(id, "360p/" + segment), trainer).header("Cache-Control"),
        "media never stays in the browser's cache after archiving");
    assertEquals(200, api().download(hls(id, "poster.jpg"), trainer).status());
    assertEquals(200, api().download(hls(id, "thumbs/storyboard.vtt"), trainer).status());

    assertPlayableOverHttp(hls(id, "master.m3u8"), trainer);

    String vtt = "WEBVTT\n\n00:00.000 --> 00:02.000\nWillkommen\n";
    String captions = "api/v1/videos/" + id + "/captions/de";
    assertEquals(
        204, api().putText(captions + "?label=Deutsch", trainer, "text/vtt", vtt).status());
    assertEquals(400, api().putText(captions, trainer, "text/vtt", "not a caption file").status());
    assertEquals(
        400,
        api().putText("api/v1/videos/" + id + "/captions/x_y", trainer, "text/vtt", vtt).status());
    assertEquals(403, api().putText(captions, login("demo", "critic"), "text/vtt", vtt).status());
    assertEquals(vtt, api().get(captions + ".vtt", trainer).body());
    assertTrue(api().get("api/v1/videos/" + id + "/captions", trainer).body().contains("Deutsch"));
    assertEquals(404, api().get(captions + ".vtt", login("acme", "trainer")).status());
    assertEquals(404, api().delete(captions, login("acme", "trainer")).status());
    assertEquals(403, api().delete(captions, login("demo", "critic")).status());
    assertEquals(204, api().delete(captions, trainer).status());
    assertEquals(404, api().get(captions + ".vtt", trainer).status());
    assertEquals(404, api().delete(captions, trainer).status(), "already gone");
    assertEquals("[]", api().get("api/v1/videos/" + id + "/captions", trainer).body());
    try (Stream<Path> stored = Files.walk(ItEnvironment.s3().blobDir())) {
      assertEquals(
          List.of(),
          stored.filter(f -> f.toString().endsWith(id + "/captions/de.vtt")).toList(),
          "the sealed caption text is deleted");
    }

    // Other tenants and roles: the same id does not exist for them.
    assertEquals(404, api().get("api/v1/videos/" + id, login("acme", "trainer")).status());
    assertEquals(404, api().download(hls(id, "master.m3u8"), login("acme", "admin")).status());
    assertEquals(
        404,
        api().get("api/v1/videos/" + id, login("demo", "employee1")).status(),
        "not published");
    assertEquals(404, api().download(hls(id, "../../original/000000"), trainer).status());

    assertEquals(List.of(), TestMedia.filesContaining(ItEnvironment.s3().blobDir(), canary));
    assertEquals(List.of(), TestMedia.filesContaining(WORK, canary));
    assertEquals(List.of(), TestMedia.filesContaining(Path.of("/dev/shm"), canary));
    assertEquals(List.of(), TestMedia.filesContaining(Path.of("/var/lib/mysql"), canary));
    assertWorkDirEmpty();
  }

  /**
   * Delivery keeps a video's rendition and state for kursfilm.playback.cache-ttl (2 s here): the
   * watch rule still applies per request and per tenant, a state change reaches playback within the
   * TTL, a delete at once. The state is changed in the database directly, as the review workflow
   * would.
   */
  @Test
  void playback_follows_state_changes_within_the_cache_ttl_and_stays_per_tenant() throws Exception {
    Path clip = TestMedia.clip(media, "cached.mp4", "640x360", 4, "cache");
    String trainer = login("demo", "trainer");
    String employee = login("demo", "employee1");
    String id = upload(trainer, "Cached", Files.readAllBytes(clip)).json().getString("id");
    assertEquals("IN_REVIEW", awaitSettled(trainer, id).getString("state"));
    String variant = new String(api().download(hls(id, "360p/playlist.m3u8"), trainer).body());
    String segment =
        hls(id, "360p/" + variant.lines().filter(l -> l.endsWith(".m4s")).findFirst().get());

    RestClient.Download first = api().download(segment, trainer);
    assertEquals(200, first.status());
    String etag = first.header("ETag");
    assertTrue(etag != null && etag.startsWith("\""), "strong ETag: " + etag);
    RestClient.Download again = api().download(segment, trainer, "If-None-Match", etag);
    assertEquals(304, again.status());
    assertEquals(0, again.body().length);
    assertEquals(etag, again.header("ETag"));
    // Weak comparison on GET, lists and "*" (RFC 9110); another tag gets the content.
    assertEquals(304, api().download(segment, trainer, "If-None-Match", "W/" + etag).status());
    assertEquals(
        304, api().download(segment, trainer, "If-None-Match", "\"other\", " + etag).status());
    assertEquals(304, api().download(segment, trainer, "If-None-Match", "*").status());
    assertEquals(200, api().download(segment, trainer, "If-None-Match", "\"other\"").status());
    RestClient.Download range = api().download(segment, trainer, "Range", "bytes=10-19");
    assertEquals(206, range.status());
    assertArrayEquals(Arrays.copyOfRange(first.body(), 10, 20), range.body());
    assertEquals(404, api().download(hls(id, "360p/seg_99999.m4s"), trainer).status());
    // Same id and path, kept for demo: another tenant and an employee (unpublished) get nothing.
    assertEquals(404, api().download(segment, login("acme", "trainer")).status());
    assertEquals(404, api().download(segment, login("acme", "admin")).status());
    assertEquals(404, api().download(segment, employee).status());

    RestClient.Reply approved =
        api()
            .post(
                "api/v1/videos/" + id + "/review",
                login("demo", "critic"),
                Json.createObjectBuilder().add("decision", "APPROVE").build());
    assertEquals(200, approved.status(), approved.body());
    awaitStatus(segment, employee, 200);
    assertArrayEquals(first.body(), api().download(segment, employee).body());

    assertEquals(200, api().post("api/v1/videos/" + id + "/archive", trainer, empty()).status());
    awaitStatus(segment, employee, 404);
    assertEquals(200, api().download(segment, trainer).status(), "trainers still see archived");

    assertEquals(204, api().delete("api/v1/videos/" + id, trainer).status());
    assertEquals(404, api().download(segment, trainer).status(), "deleted: at once on this node");
  }

  /** Waits at most the cache TTL (2 s) and a margin for {@code path} to answer {@code status}. */
  private void awaitStatus(String path, String token, int status) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(6);
    while (api().download(path, token).status() != status) {
      assertTrue(System.nanoTime() < deadline, path + " never answered " + status);
      Thread.sleep(200);
    }
  }

  @Test
  void a_resumable_upload_takes_chunks_in_any_order_and_checks_them() throws Exception {
    byte[] bytes = Files.readAllBytes(TestMedia.clip(media, "chunks.mp4", "1280x720", 8, "x"));
    assertTrue(bytes.length > 1 << 20, "the clip needs more than one 1 MiB chunk");
    String trainer = login("demo", "trainer");
    JsonObject declared =
        api().post("api/v1/videos/uploads", trainer, details("Chunked", bytes.length)).json();
    String id = declared.getString("id");
    int chunkSize = declared.getInt("chunkSize");
    int count = declared.getInt("chunkCount");
    assertEquals((bytes.length + chunkSize - 1) / chunkSize, count);

    for (int i = count - 1; i >= 1; i--) {
      assertEquals(200, putChunk(trainer, id, i, chunk(bytes, i, chunkSize)).status());
    }
    assertEquals(
        409, api().post("api/v1/videos/" + id + "/upload/complete", trainer, empty()).status());
    assertEquals(400, putChunk(trainer, id, 0, Arrays.copyOf(bytes, 10)).status(), "wrong length");
    JsonObject status = api().get("api/v1/videos/" + id + "/upload", trainer).json();
    assertFalse(status.getJsonArray("received").toString().contains("0,"), "chunk 0 not stored");

    // Sent again after a "dropped connection": idempotent.
    assertEquals(200, putChunk(trainer, id, 1, chunk(bytes, 1, chunkSize)).status());
    assertEquals(200, putChunk(trainer, id, 0, chunk(bytes, 0, chunkSize)).status());
    assertEquals(
        403, putChunk(login("demo", "critic"), id, 0, chunk(bytes, 0, chunkSize)).status());
    RestClient.Reply complete =
        api().post("api/v1/videos/" + id + "/upload/complete", trainer, empty());
    assertEquals(202, complete.status(), complete.body());

    JsonObject done = awaitSettled(trainer, id);
    assertEquals("IN_REVIEW", done.getString("state"), done.toString());
    String master = new String(api().download(hls(id, "master.m3u8"), trainer).body());
    assertTrue(master.contains("720p/") && master.contains("360p/"), master);
    assertFalse(master.contains("1080p"), master);
  }

  /**
   * Once complete has succeeded the original is fixed: a chunk still arriving makes complete wait
   * (409 until it is stored), a chunk sent afterwards is refused, and the transcode hashes exactly
   * the bytes that were uploaded.
   */
  @Test
  void no_chunk_changes_the_original_once_its_upload_is_complete() throws Exception {
    byte[] bytes = Files.readAllBytes(TestMedia.clip(media, "fixed.mp4", "640x360", 3, "fixed"));
    String trainer = login("demo", "trainer");
    JsonObject declared =
        api().post("api/v1/videos/uploads", trainer, details("Fixed", bytes.length)).json();
    String id = declared.getString("id");
    int chunkSize = declared.getInt("chunkSize");
    int count = declared.getInt("chunkCount");
    for (int i = 0; i < count; i++) {
      assertEquals(200, putChunk(trainer, id, i, chunk(bytes, i, chunkSize)).status());
    }
    String complete = "api/v1/videos/" + id + "/upload/complete";

    // Chunk 0 sent again (a retry): half of it arrives, the rest waits while complete is asked.
    byte[] first = chunk(bytes, 0, chunkSize);
    CountDownLatch rest = new CountDownLatch(1);
    CompletableFuture<HttpResponse<String>> retry =
        HttpClient.newHttpClient()
            .sendAsync(
                HttpRequest.newBuilder(URI.create(base + "api/v1/videos/" + id + "/chunks/0"))
                    .header("Authorization", "Bearer " + trainer)
                    .header("Content-Type", "application/octet-stream")
                    .PUT(
                        HttpRequest.BodyPublishers.fromPublisher(
                            HttpRequest.BodyPublishers.ofInputStream(
                                () -> paused(first, first.length / 2, rest)),
                            first.length))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    Thread.sleep(2000);
    RestClient.Reply early = api().post(complete, trainer, empty());
    rest.countDown();
    assertEquals(409, early.status(), "complete while a chunk arrives: " + early.body());
    assertEquals(200, retry.get(60, TimeUnit.SECONDS).statusCode());

    RestClient.Reply closed = api().post(complete, trainer, empty());
    assertEquals(202, closed.status(), closed.body());
    byte[] altered = first.clone();
    altered[altered.length - 1] ^= 1;
    RestClient.Reply late = putChunk(trainer, id, 0, altered);
    assertEquals(409, late.status(), "a chunk after complete: " + late.body());
    assertTrue(late.json().containsKey("error"), late.body());

    JsonObject done = awaitSettled(trainer, id);
    assertEquals("IN_REVIEW", done.getString("state"), done.toString());
    assertEquals(
        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)),
        done.getString("mediaSha256"),
        "the original is exactly what was uploaded");
  }

  /** A whole-body upload completes by itself: asking to complete it while it streams is a 409. */
  @Test
  void a_whole_upload_still_arriving_cannot_be_completed() throws Exception {
    byte[] bytes = Files.readAllBytes(TestMedia.clip(media, "stream.mp4", "640x360", 3, "stream"));
    String trainer = login("demo", "trainer");
    String title = "Streaming-" + UUID.randomUUID();
    CountDownLatch rest = new CountDownLatch(1);
    CompletableFuture<HttpResponse<String>> upload =
        HttpClient.newHttpClient()
            .sendAsync(
                HttpRequest.newBuilder(URI.create(base + "api/v1/videos?title=" + title))
                    .header("Authorization", "Bearer " + trainer)
                    .header("Content-Type", "application/octet-stream")
                    .POST(
                        HttpRequest.BodyPublishers.ofInputStream(
                            () -> paused(bytes, bytes.length / 2, rest)))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    String id = null;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (id == null) {
      assertTrue(System.nanoTime() < deadline, "the streaming upload never showed");
      id =
          api().get("api/v1/videos?state=UPLOADING", trainer).array().stream()
              .map(JsonObject.class::cast)
              .filter(v -> v.getString("title").equals(title))
              .map(v -> v.getString("id"))
              .findFirst()
              .orElse(null);
      Thread.sleep(200);
    }
    RestClient.Reply early =
        api().post("api/v1/videos/" + id + "/upload/complete", trainer, empty());
    rest.countDown();
    assertEquals(409, early.status(), "complete while the body streams: " + early.body());
    assertEquals(202, upload.get(60, TimeUnit.SECONDS).statusCode());

    JsonObject done = awaitSettled(trainer, id);
    assertEquals("IN_REVIEW", done.getString("state"), done.toString());
    assertEquals(
        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)),
        done.getString("mediaSha256"));
  }

  /** A body that delivers {@code bytes} but stops after {@code pause} of them until {@code go}. */
  private static InputStream paused(byte[] bytes, int pause, CountDownLatch go) {
    return new InputStream() {
      private int position;

      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        if (position >= bytes.length) {
          return -1;
        }
        if (position == pause) {
          try {
            go.await(60, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
          }
        }
        int n = Math.min(len, (position < pause ? pause : bytes.length) - position);
        System.arraycopy(bytes, position, b, off, n);
        position += n;
        return n;
      }
    };
  }

  @Test
  void bad_inputs_end_rejected_with_a_reason_and_leave_nothing_behind() throws Exception {
    String trainer = login("demo", "trainer");
    byte[] random = new byte[300_000];
    new Random(7).nextBytes(random);
    Path playlist = media.resolve("playlist.mp4");
    Files.writeString(playlist, "#EXTM3U\n#EXTINF:1,\nfile:///etc/passwd\n#EXT-X-ENDLIST\n");
    Path concat = media.resolve("concat.mp4");
    Files.writeString(concat, "ffconcat version 1.0\nfile '/etc/passwd'\n");

    assertRejected(trainer, new byte[0], "EMPTY");
    assertRejected(trainer, random, "NOT_A_SUPPORTED_VIDEO");
    assertRejected(trainer, Files.readAllBytes(playlist), "NOT_A_SUPPORTED_VIDEO");
    assertRejected(trainer, Files.readAllBytes(concat), "NOT_A_SUPPORTED_VIDEO");
    long limit = Long.parseLong(System.getProperty("kursfilm.it.max-upload"));
    assertRejected(trainer, new byte[(int) limit + 1], "TOO_LARGE");

    RestClient.Reply declared =
        api().post("api/v1/videos/uploads", trainer, details("Huge", limit + 1));
    assertEquals(413, declared.status());
    assertWorkDirEmpty();
  }

  @Test
  void a_tenant_admin_lowers_the_upload_limit_for_the_own_company_only() throws Exception {
    String admin = login("acme", "admin");
    String trainer = login("acme", "trainer");
    JsonObject before = api().get("api/v1/tenant/settings", admin).json();
    long platform = before.getJsonNumber("platformMaxUploadBytes").longValue();
    assertEquals(platform, before.getJsonNumber("effectiveMaxUploadBytes").longValue());
    assertTrue(before.getBoolean("requireCriticApproval"));

    assertEquals(400, api().put("api/v1/tenant/settings", admin, settings(platform + 1)).status());
    assertEquals(403, api().put("api/v1/tenant/settings", trainer, settings(1000L)).status());
    RestClient.Reply lowered = api().put("api/v1/tenant/settings", admin, settings(1000L));
    assertEquals(200, lowered.status(), lowered.body());
    assertEquals(1000, lowered.json().getJsonNumber("effectiveMaxUploadBytes").longValue());
    try {
      assertEquals(
          413, api().post("api/v1/videos/uploads", trainer, details("Big", 1001)).status());
      assertRejected(trainer, new byte[1001], "TOO_LARGE");
      // demo keeps the platform limit
      JsonObject demo = api().get("api/v1/tenant/settings", login("demo", "admin")).json();
      assertEquals(platform, demo.getJsonNumber("effectiveMaxUploadBytes").longValue());
    } finally {
      api().put("api/v1/tenant/settings", admin, settings(null));
    }
  }

  private static JsonObject settings(Long maxUploadBytes) {
    var body = Json.createObjectBuilder();
    if (maxUploadBytes == null) {
      body.addNull("maxUploadBytes");
    } else {
      body.add("maxUploadBytes", maxUploadBytes);
    }
    return body.add("anonymiseResults", false).add("requireCriticApproval", true).build();
  }

  @Test
  void only_trainers_upload_and_employees_see_no_unpublished_videos() throws Exception {
    byte[] body = {1, 2, 3};
    assertEquals(403, upload(login("demo", "employee1"), "Nope", body).status());
    assertEquals(403, upload(login("demo", "critic"), "Nope", body).status());
    assertEquals(401, upload(null, "Nope", body).status());
    String employee = login("demo", "employee1");
    assertEquals("[]", api().get("api/v1/videos?state=IN_REVIEW", employee).body());
  }

  @Test
  void cancelling_a_running_transcode_discards_the_video() throws Exception {
    Path clip = TestMedia.clip(media, "long.mp4", "1280x720", 30, "cancel");
    String trainer = login("demo", "trainer");
    String id = upload(trainer, "Too long", Files.readAllBytes(clip)).json().getString("id");
    awaitState(trainer, id, "PROCESSING");
    assertEquals(202, api().delete("api/v1/videos/" + id, trainer).status());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (api().get("api/v1/videos/" + id, trainer).status() != 404) {
      assertTrue(System.nanoTime() < deadline, "cancelled video still there");
      Thread.sleep(500);
    }
    assertNoObjects(id);
    assertWorkDirEmpty();
  }

  private void assertRejected(String trainer, byte[] body, String reason) throws Exception {
    RestClient.Reply reply = upload(trainer, "Bad " + reason, body);
    assertEquals(202, reply.status(), reply.body());
    String id = reply.json().getString("id");
    JsonObject video = awaitSettled(trainer, id);
    assertEquals("REJECTED_INPUT", video.getString("state"), video.toString());
    assertEquals(reason, video.getString("error"));
    assertNoObjects(id);
  }

  private void assertNoObjects(String id) throws Exception {
    try (Stream<Path> files = Files.walk(ItEnvironment.s3().blobDir())) {
      List<Path> left =
          files
              .filter(p -> p.toString().contains("videos/" + id))
              .filter(Files::isRegularFile)
              .toList();
      assertEquals(List.of(), left, "objects of " + id + " left behind");
    }
  }

  private static void assertWorkDirEmpty() throws Exception {
    if (Files.isDirectory(WORK)) {
      try (Stream<Path> left = Files.list(WORK)) {
        assertEquals(List.of(), left.toList(), "temporary files left behind");
      }
    }
  }

  private void assertPlayableOverHttp(String path, String token) throws Exception {
    Process ffmpeg =
        new ProcessBuilder(
                "/usr/bin/ffmpeg",
                "-v",
                "error",
                "-headers",
                "Authorization: Bearer " + token + "\r\n",
                "-i",
                base + path,
                "-f",
                "null",
                "-")
            .redirectErrorStream(true)
            .start();
    String output = new String(ffmpeg.getInputStream().readAllBytes());
    assertTrue(ffmpeg.waitFor(120, TimeUnit.SECONDS));
    assertEquals(0, ffmpeg.exitValue(), output);
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
      Thread.sleep(500);
    }
  }

  private void awaitState(String token, String id, String wanted) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (!api().get("api/v1/videos/" + id, token).json().getString("state").equals(wanted)) {
      assertTrue(System.nanoTime() < deadline, "never " + wanted);
      Thread.sleep(200);
    }
  }

  private RestClient.Reply upload(String token, String title, byte[] body) throws Exception {
    return api().sendBytes("POST", "api/v1/videos?title=" + title.replace(" ", "%20"), token, body);
  }

  private RestClient.Reply putChunk(String token, String id, int index, byte[] body)
      throws Exception {
    return api().sendBytes("PUT", "api/v1/videos/" + id + "/chunks/" + index, token, body);
  }

  private static byte[] chunk(byte[] all, int index, int chunkSize) {
    int from = index * chunkSize;
    return Arrays.copyOfRange(all, from, Math.min(all.length, from + chunkSize));
  }

  private static String hls(String id, String path) {
    return "api/v1/videos/" + id + "/hls/" + path;
  }

  private static JsonObject details(String title, long size) {
    return Json.createObjectBuilder().add("title", title).add("size", size).build();
  }

  private static JsonObject empty() {
    return Json.createObjectBuilder().build();
  }
}
