package io.kursfilm.web.learning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kursfilm.web.ItEnvironment;
import io.kursfilm.web.testing.DemoTenants;
import io.kursfilm.web.testing.RestClient;
import io.kursfilm.web.testing.SharedApp;
import io.kursfilm.web.video.TestMedia;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.URI;
import java.net.URL;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Guest links through the REST API on the real stack: a trainer shares a published video, a guest
 * without an account opens the link (password where set, throttled) and plays HLS under the
 * opening's grant; revoking, expiry and archiving stop it at once; openings are audited by link id;
 * only the video's trainers and the tenant's admins manage links.
 */
@ExtendWith(SharedApp.class)
class GuestLinkIT {

  final URL base = SharedApp.base();
  @TempDir static Path media;

  private static String sharedVideo;

  @BeforeAll
  static void s3() throws Exception {
    ItEnvironment.s3();
  }

  @Test
  void a_guest_plays_the_published_version_without_an_account_and_the_opening_is_audited()
      throws Exception {
    String trainer = demo().login("trainer");
    String video = published();
    RestClient.Reply created =
        create(trainer, video, link().add("validDays", 3).add("label", "Kunde Müller"));
    assertEquals(201, created.status(), created.body());
    String url = created.json().getString("url");
    String linkId = created.json().getString("id");
    String token = token(url);
    assertTrue(url.contains("/guest.xhtml?t="), url);
    assertEquals(43, token.length(), "256 bits in base64url");
    assertEquals(32, Base64.getUrlDecoder().decode(token).length);
    String other =
        token(create(trainer, video, link().add("validDays", 1)).json().getString("url"));
    assertNotEquals(token, other);

    RestClient.Reply opened = open(token, null);
    assertEquals(200, opened.status(), opened.body());
    String playlist = opened.json().getString("playlist");
    assertFalse(playlist.contains(token), "the grant is not the token");
    String master = playlist.substring(0, playlist.lastIndexOf('/') + 1);
    RestClient.Download masterFile = api().download("api/v1/" + playlist, null);
    assertEquals(200, masterFile.status());
    assertEquals("application/vnd.apple.mpegurl", masterFile.header("Content-Type"));
    String variantPath = firstUri(new String(masterFile.body()));
    RestClient.Download variant = api().download("api/v1/" + master + variantPath, null);
    assertEquals(200, variant.status());
    String variantDir = variantPath.substring(0, variantPath.lastIndexOf('/') + 1);
    String segment =
        new String(variant.body())
            .lines()
            .filter(l -> l.endsWith(".m4s"))
            .findFirst()
            .orElseThrow();
    RestClient.Download bytes =
        api().download("api/v1/" + master + variantDir + segment, null, "Range", "bytes=0-99");
    assertEquals(206, bytes.status());
    assertEquals(100, bytes.body().length);
    assertEquals(
        404,
        api()
            .download(
                "api/v1/guest/" + linkId + ".9999999999." + "0".repeat(64) + "/hls/master.m3u8",
                null)
            .status(),
        "a forged grant plays nothing");

    RestClient.Reply audit =
        api().get("api/v1/audit?action=GUEST_LINK_OPENED&limit=50", demo().login("admin"));
    assertEquals(200, audit.status(), audit.body());
    JsonObject entry =
        audit.array().getValuesAs(JsonObject.class).stream()
            .filter(e -> linkId.equals(e.getString("subjectId", null)))
            .findFirst()
            .orElseThrow(() -> new AssertionError(audit.body()));
    assertTrue(!entry.containsKey("actorId") || entry.isNull("actorId"), entry.toString());
    JsonObject listed = find(list(trainer, video), linkId);
    assertEquals(1, listed.getInt("openings"));
    assertEquals("Kunde Müller", listed.getString("label"));
    assertFalse(listed.getBoolean("hasPassword"));
    assertFalse(list(trainer, video).body().contains(token), "the token is never listed");
  }

  @Test
  void a_password_is_asked_for_checked_and_guessing_is_throttled() throws Exception {
    String trainer = demo().login("trainer");
    String video = published();
    RestClient.Reply created =
        create(trainer, video, link().add("validDays", 1).add("password", "correct horse"));
    assertEquals(201, created.status(), created.body());
    String token = token(created.json().getString("url"));
    assertEquals("password_required", open(token, null).json().getString("error"));
    assertEquals(401, open(token, "wrong one").status());
    assertEquals("wrong_password", open(token, "wrong one").json().getString("error"));
    RestClient.Reply right = open(token, "correct horse");
    assertEquals(200, right.status(), right.body());
    assertTrue(
        find(list(trainer, video), created.json().getString("id")).getBoolean("hasPassword"));

    for (int i = 0; i < 5; i++) {
      open(token, "guess " + i);
    }
    RestClient.Reply blocked = open(token, "correct horse");
    assertEquals(429, blocked.status(), "blocked even for the right password: " + blocked.body());
    assertTrue(blocked.retryAfter().isPresent());
  }

  @Test
  void a_revoked_link_stops_at_once_also_for_an_opened_player() throws Exception {
    String trainer = demo().login("trainer");
    String video = published();
    RestClient.Reply created = create(trainer, video, link().add("validDays", 1));
    String token = token(created.json().getString("url"));
    String playlist = open(token, null).json().getString("playlist");
    assertEquals(200, api().download("api/v1/" + playlist, null).status());

    RestClient.Reply revoked =
        api()
            .delete(
                "api/v1/videos/" + video + "/guest-links/" + created.json().getString("id"),
                trainer);
    assertEquals(200, revoked.status(), revoked.body());
    assertTrue(revoked.json().getBoolean("revoked"));
    assertEquals(410, open(token, null).status());
    assertEquals(404, api().download("api/v1/" + playlist, null).status());
    assertEquals(404, open("A".repeat(43), null).status(), "unknown token");
  }

  @Test
  void an_expired_link_is_refused() throws Exception {
    String trainer = demo().login("trainer");
    String video = published();
    Instant soon = Instant.now().plusSeconds(3);
    RestClient.Reply created = create(trainer, video, link().add("expiresAt", soon.toString()));
    assertEquals(201, created.status(), created.body());
    String token = token(created.json().getString("url"));
    String playlist = open(token, null).json().getString("playlist");
    Thread.sleep(Math.max(0, soon.toEpochMilli() - System.currentTimeMillis()) + 1000);
    assertEquals(410, open(token, null).status());
    assertEquals(404, api().download("api/v1/" + playlist, null).status());
    assertTrue(find(list(trainer, video), created.json().getString("id")).getBoolean("expired"));
  }

  @Test
  void archiving_the_video_stops_its_links_at_once() throws Exception {
    String trainer = demo().login("trainer");
    String video = publishedNew("Guest archive");
    String token =
        token(create(trainer, video, link().add("validDays", 1)).json().getString("url"));
    String playlist = open(token, null).json().getString("playlist");
    assertEquals(200, api().download("api/v1/" + playlist, null).status());

    RestClient.Reply archived =
        api()
            .post(
                "api/v1/videos/" + video + "/archive", trainer, Json.createObjectBuilder().build());
    assertEquals(200, archived.status(), archived.body());
    assertEquals(404, api().download("api/v1/" + playlist, null).status());
    assertEquals(410, open(token, null).status());
    assertEquals(409, create(trainer, video, link().add("validDays", 1)).status(), "not published");
  }

  @Test
  void a_guest_gets_the_published_versions_captions() throws Exception {
    String trainer = demo().login("trainer");
    String title = "Guest captions";
    Path clip = TestMedia.clip(media, UUID.randomUUID() + ".mp4", "320x240", 3, title);
    String video = demo().transcoded(trainer, title, clip);
    String vtt = "WEBVTT\n\n00:00.000 --> 00:02.000\nWillkommen\n";
    RestClient.Reply put =
        api()
            .putText(
                "api/v1/videos/" + video + "/captions/de?label=Deutsch", trainer, "text/vtt", vtt);
    assertEquals(204, put.status(), put.body());
    demo().approve(video);
    demo().awaitState(trainer, video, "PUBLISHED");

    String token =
        token(create(trainer, video, link().add("validDays", 1)).json().getString("url"));
    JsonObject opened = open(token, null).json();
    JsonObject track = opened.getJsonArray("captions").getJsonObject(0);
    assertEquals("de", track.getString("language"));
    assertEquals("Deutsch", track.getString("label"));
    RestClient.Download text = api().download("api/v1/" + track.getString("url"), null);
    assertEquals(200, text.status());
    assertTrue(
        new String(text.body(), java.nio.charset.StandardCharsets.UTF_8).contains("Willkommen"));
    String grantPath = track.getString("url").replace("/captions/de.vtt", "/captions/en.vtt");
    assertEquals(404, api().download("api/v1/" + grantPath, null).status());
  }

  @Test
  void only_the_videos_trainers_and_admins_manage_its_links() throws Exception {
    String video = published();
    String trainer = demo().login("trainer");
    String linkId = create(trainer, video, link().add("validDays", 1)).json().getString("id");

    assertEquals(
        403, create(demo().login("employee1"), video, link().add("validDays", 1)).status());
    assertEquals(403, list(demo().login("critic"), video).status());
    String admin = demo().login("admin");
    assertEquals(201, create(admin, video, link().add("validDays", 1)).status());
    assertEquals(200, list(admin, video).status());

    for (String foreign :
        new String[] {demo().login("acme", "trainer"), demo().login("acme", "admin")}) {
      assertEquals(404, list(foreign, video).status());
      assertEquals(
          404, api().delete("api/v1/videos/" + video + "/guest-links/" + linkId, foreign).status());
      assertEquals(404, create(foreign, video, link().add("validDays", 1)).status());
    }
    assertFalse(find(list(trainer, video), linkId).getBoolean("revoked"));
  }

  @Test
  void bad_requests_are_refused_and_store_nothing() throws Exception {
    String trainer = demo().login("trainer");
    String video = published();
    int before = list(trainer, video).array().size();
    assertEquals(400, create(trainer, video, link()).status(), "no end");
    assertEquals(
        400,
        create(
                trainer,
                video,
                link()
                    .add("validDays", 1)
                    .add("expiresAt", Instant.now().plusSeconds(99).toString()))
            .status(),
        "both ends");
    assertEquals(
        400, create(trainer, video, link().add("expiresAt", "2020-01-01T00:00:00Z")).status());
    assertEquals(400, create(trainer, video, link().add("validDays", 0)).status());
    assertEquals(400, create(trainer, video, link().add("validDays", 400)).status());
    assertEquals(
        400, create(trainer, video, link().add("validDays", 1).add("password", "short")).status());
    assertEquals(
        400, create(trainer, video, link().add("validDays", "1")).status(), "a string, no number");
    assertEquals(
        404, create(trainer, UUID.randomUUID().toString(), link().add("validDays", 1)).status());
    assertEquals(before, list(trainer, video).array().size());
    assertEquals(
        400, api().post("api/v1/guest/open", null, Json.createObjectBuilder().build()).status());
  }

  // --- helpers ---

  private DemoTenants demo() {
    return new DemoTenants(base);
  }

  private RestClient api() {
    return new RestClient(base);
  }

  /** One published video shared by the tests that do not end it. */
  private synchronized String published() throws Exception {
    if (sharedVideo == null) {
      sharedVideo = publishedNew("Guest video");
    }
    return sharedVideo;
  }

  private String publishedNew(String title) throws Exception {
    String trainer = demo().login("trainer");
    Path clip = TestMedia.clip(media, UUID.randomUUID() + ".mp4", "320x240", 3, title);
    String id = demo().transcoded(trainer, title, clip);
    demo().approve(id);
    demo().awaitState(trainer, id, "PUBLISHED");
    return id;
  }

  private static JsonObjectBuilder link() {
    return Json.createObjectBuilder();
  }

  private RestClient.Reply create(String token, String video, JsonObjectBuilder body)
      throws Exception {
    return api().post("api/v1/videos/" + video + "/guest-links", token, body.build());
  }

  private RestClient.Reply list(String token, String video) throws Exception {
    return api().get("api/v1/videos/" + video + "/guest-links", token);
  }

  private RestClient.Reply open(String token, String password) throws Exception {
    JsonObjectBuilder body = Json.createObjectBuilder().add("token", token);
    if (password != null) {
      body.add("password", password);
    }
    return api().post("api/v1/guest/open", null, body.build());
  }

  private static JsonObject find(RestClient.Reply list, String id) {
    return list.array().getValuesAs(JsonObject.class).stream()
        .filter(l -> id.equals(l.getString("id")))
        .findFirst()
        .orElseThrow(() -> new AssertionError(list.body()));
  }

  private static String token(String url) {
    String query = URI.create(url).getRawQuery();
    return query.substring(query.indexOf("t=") + 2);
  }

  private static String firstUri(String playlist) {
    return playlist
        .lines()
        .filter(l -> !l.isBlank() && !l.startsWith("#"))
        .findFirst()
        .orElseThrow();
  }
}
