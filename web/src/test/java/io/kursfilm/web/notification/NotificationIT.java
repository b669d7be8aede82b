package io.kursfilm.web.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.kursfilm.web.ItEnvironment;
import io.kursfilm.web.journey.Browser;
import io.kursfilm.web.testing.DemoTenants;
import io.kursfilm.web.testing.RestClient;
import io.kursfilm.web.testing.SharedApp;
import io.kursfilm.web.video.TestMedia;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Notifications on the real stack: uploads transcoded by the app, a change of captions that puts a
 * new version into review, critics' decisions over the review API; the in-app rows read over REST
 * and through the bell in a real browser, and the mails received by a real SMTP server (GreenMail)
 * on the port the app sends to.
 */
@ExtendWith(SharedApp.class)
class NotificationIT {

  private static final String PW = ItEnvironment.demoPassword();
  private static final String VTT = "WEBVTT\n\n00:00.000 --> 00:01.000\nHallo\n";

  private static GreenMail smtp;

  final URL base = SharedApp.base();
  @TempDir static Path media;

  @BeforeAll
  static void start() throws Exception {
    ItEnvironment.s3();
    int port = Integer.parseInt(System.getProperty("kursfilm.it.mail.port"));
    smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
  }

  @AfterAll
  static void stop() {
    if (smtp != null) {
      smtp.stop();
    }
  }

  @Test
  void a_version_entering_review_tells_the_tenants_critics_but_not_its_uploader_or_other_tenants()
      throws Exception {
    String trainer = login("demo", "trainer");
    String critic = login("demo", "critic");
    String foreignCritic = login("acme", "critic");
    assertEquals(204, language(critic, "de").status());
    String title = "Fire <b>drill</b> & \"exit\" " + UUID.randomUUID().toString().substring(0, 6);
    String id = transcoded(trainer, title);

    // A change of captions in review makes a new version that waits for the critics again.
    putCaptions(trainer, id);

    JsonObject note = awaitNotification(critic, id, "REVIEW_WAITING");
    assertEquals(title, note.getString("title"), "the title as the critic sees it");
    assertTrue(note.getInt("version") >= 2, note.toString());
    assertFalse(note.containsKey("readAt"), "unread: no readAt");
    MimeMessage mail = awaitMail("critic@demo.example", id);
    assertEquals("Kursfilm: Ein Video wartet auf Ihre Pr\u00fcfung", mail.getSubject());
    assertTrue(text(mail).contains("\u201e" + title + "\u201c"), "plain text keeps the title");
    assertTrue(text(mail).contains(ItEnvironment.publicBase() + "critic/review.xhtml?id=" + id));
    String html = html(mail);
    assertTrue(
        html.contains("Fire &lt;b&gt;drill&lt;/b&gt; &amp; &quot;exit&quot;"),
        "the title is escaped in the HTML part: " + html);
    assertFalse(html.contains("<b>drill"), html);

    Thread.sleep(2_000); // mails of one change go out together; give stragglers a moment
    assertTrue(notifications(trainer, id).isEmpty(), "the uploader is not asked to review");
    assertTrue(notifications(foreignCritic, id).isEmpty(), "another tenant's critic hears nothing");
    assertEquals(List.of(), mailsAbout("trainer@demo.example", id));
    assertEquals(List.of(), mailsAbout("critic@acme.example", id));
  }

  @Test
  void decisions_tell_the_uploader_and_never_the_critic_who_made_them() throws Exception {
    String trainer = login("demo", "trainer");
    String critic = login("demo", "critic");
    assertEquals(204, language(trainer, "en").status());
    String id =
        transcoded(trainer, "Ladder safety " + UUID.randomUUID().toString().substring(0, 6));

    assertEquals(200, decide(critic, id, "REQUEST_CHANGES", "Please show the top rung").status());
    JsonObject changes = awaitNotification(trainer, id, "CHANGES_REQUESTED");
    assertEquals(1, changes.getInt("version"));
    MimeMessage changesMail = awaitMail("trainer@demo.example", id);
    assertEquals("Kursfilm: changes requested for your video", changesMail.getSubject());

    putCaptions(trainer, id); // version 2, back in review
    awaitNotification(critic, id, "REVIEW_WAITING");
    assertEquals(200, decide(critic, id, "APPROVE", null).status());
    JsonObject approved = awaitNotification(trainer, id, "APPROVED");
    assertEquals(2, approved.getInt("version"));
    assertTrue(
        awaitMails("trainer@demo.example", id, 2).stream()
            .anyMatch(m -> subject(m).equals("Kursfilm: your video was approved")));

    Thread.sleep(2_000);
    assertTrue(
        notifications(critic, id).stream()
            .allMatch(n -> n.getString("kind").equals("REVIEW_WAITING")),
        "the critic hears nothing about their own decisions");
    assertTrue(
        notifications(trainer, id).stream()
            .noneMatch(n -> n.getString("kind").equals("REVIEW_WAITING")),
        "the trainer is not asked to review their own upload");
  }

  @Test
  void a_decision_stands_and_reaches_the_bell_while_the_mail_server_is_down() throws Exception {
    String trainer = login("demo", "trainer");
    String critic = login("demo", "critic");
    String id = transcoded(trainer, "Mail down " + UUID.randomUUID().toString().substring(0, 6));
    int port = smtp.getSmtp().getPort();
    smtp.stop();
    try {
      RestClient.Reply decided = decide(critic, id, "REQUEST_CHANGES", "Shorter, please");
      assertEquals(200, decided.status(), decided.body());
      assertEquals("CHANGES_REQUESTED", decided.json().getString("state"));
      awaitNotification(trainer, id, "CHANGES_REQUESTED");
      Thread.sleep(2_000); // the mail attempt fails after the commit, on its own thread
    } finally {
      smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
      smtp.start();
    }
    assertEquals(
        "CHANGES_REQUESTED",
        api().get("api/v1/videos/" + id, trainer).json().getString("state"),
        "nothing rolled back");
    assertEquals(1, notifications(trainer, id).size());
  }

  @Test
  void only_its_person_reads_a_notification_and_the_unread_count_follows() throws Exception {
    String trainer = login("demo", "trainer");
    String critic = login("demo", "critic");
    String id = transcoded(trainer, "Forklift " + UUID.randomUUID().toString().substring(0, 6));
    putCaptions(trainer, id);
    String noteId = awaitNotification(critic, id, "REVIEW_WAITING").getString("id");
    long unread = unread(critic);
    assertTrue(unread >= 1);

    String read = "api/v1/notifications/" + noteId + "/read";
    assertEquals(404, api().post(read, login("acme", "critic"), empty()).status(), "other tenant");
    assertEquals(404, api().post(read, trainer, empty()).status(), "same tenant, other person");
    assertEquals(404, api().post(read, login("demo", "admin"), empty()).status(), "even an admin");
    assertEquals(401, api().post(read, null, empty()).status());
    assertEquals(403, api().get("api/v1/notifications", login("platform", "root")).status());
    assertEquals(unread, unread(critic), "nobody else's click counted");

    RestClient.Reply marked = api().post(read, critic, empty());
    assertEquals(200, marked.status(), marked.body());
    String readAt = marked.json().getString("readAt");
    assertEquals(unread - 1, unread(critic));
    assertEquals(readAt, api().post(read, critic, empty()).json().getString("readAt"), "kept");
    assertEquals(
        404,
        api()
            .post("api/v1/notifications/" + UUID.randomUUID() + "/read", critic, empty())
            .status());
    assertEquals(400, api().get("api/v1/notifications?limit=0", critic).status());
    assertEquals(400, api().get("api/v1/notifications?limit=51", critic).status());

    RestClient.Reply all = api().post("api/v1/notifications/read-all", critic, empty());
    assertEquals(200, all.status(), all.body());
    assertEquals(unread - 1, all.json().getInt("marked"));
    assertEquals(0, unread(critic));
    assertTrue(
        api().get("api/v1/notifications?limit=50", critic).array().stream()
            .map(JsonValue::asJsonObject)
            .allMatch(n -> n.containsKey("readAt")));
  }

  @Test
  void the_bell_shows_the_unread_count_a_click_opens_the_video_and_a_picked_language_is_kept()
      throws Exception {
    String trainer = login("demo", "trainer");
    String critic = login("demo", "critic");
    api().post("api/v1/notifications/read-all", critic, empty());
    String title = "Bell <i>" + UUID.randomUUID().toString().substring(0, 6) + "</i>";
    String id = transcoded(trainer, title);
    putCaptions(trainer, id);
    awaitNotification(critic, id, "REVIEW_WAITING");

    URL site = ItEnvironment.publicBase();
    ChromeDriver browser = Browser.start("en");
    try {
      browser.get(site + "login.xhtml");
      browser.findElement(By.id("login:tenant")).sendKeys("demo");
      browser.findElement(By.id("login:email")).sendKeys("critic@demo.example");
      browser.findElement(By.id("login:password")).sendKeys(PW);
      browser.findElement(By.id("login:submit")).click();
      WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
      wait.until(
          ExpectedConditions.presenceOfElementLocated(
              By.cssSelector("h1[data-page='critic-home']")));
      long before = unread(critic);
      assertEquals(
          Long.toString(before), browser.findElement(By.id("bellForm:bellCount")).getText());

      browser.findElement(By.id("bellForm:bell")).click();
      By item = By.cssSelector("#bellList li.kf-note-unread a");
      wait.until(ExpectedConditions.visibilityOfElementLocated(item));
      assertTrue(
          browser.findElement(item).getText().contains(title), "title shown as text, not markup");
      browser.findElement(item).click();

      wait.until(
          ExpectedConditions.presenceOfElementLocated(
              By.cssSelector("h1[data-page='critic-review']")));
      assertTrue(
          browser.getCurrentUrl().contains("critic/review.xhtml?id=" + id),
          browser.getCurrentUrl());
      assertEquals(before - 1, unread(critic), "the opened one is read");
      List<String> count =
          browser.findElements(By.id("bellForm:bellCount")).stream().map(e -> e.getText()).toList();
      assertEquals(before == 1 ? List.of() : List.of(Long.toString(before - 1)), count);

      // The language picked in the header is the language of the person's mails from now on.
      assertEquals(204, language(critic, "en").status());
      browser.findElement(By.id("shellForm:language")).click();
      wait.until(
              ExpectedConditions.elementToBeClickable(
                  By.cssSelector("#shellForm\\:language_items li[data-label='Deutsch']")))
          .click();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
      while (!"de".equals(api().get("api/v1/me", critic).json().getString("language", null))) {
        assertTrue(System.nanoTime() < deadline, "the picked language was not kept");
        Thread.sleep(200);
      }
    } finally {
      browser.quit();
    }
  }

  // --- helpers -------------------------------------------------------------------------------

  private DemoTenants demo() {
    return new DemoTenants(base);
  }

  private RestClient api() {
    return demo().api();
  }

  private String login(String tenant, String who) throws Exception {
    return demo().login(tenant, who);
  }

  private RestClient.Reply language(String token, String language) throws Exception {
    return api()
        .put(
            "api/v1/me/language",
            token,
            Json.createObjectBuilder().add("language", language).build());
  }

  /** Uploads a short clip and waits until the app transcoded it into review (version 1). */
  private String transcoded(String trainer, String title) throws Exception {
    Path clip = TestMedia.clip(media, UUID.randomUUID() + ".mp4", "320x240", 2, "notify");
    return demo().transcoded(trainer, title, clip);
  }

  private void putCaptions(String trainer, String id) throws Exception {
    String path = "api/v1/videos/" + id + "/captions/de?label=Deutsch";
    assertEquals(204, api().putText(path, trainer, "text/vtt", VTT).status());
  }

  private RestClient.Reply decide(String critic, String id, String decision, String comment)
      throws Exception {
    return demo().decide(critic, id, decision, comment, null);
  }

  /** The caller's notifications about video {@code id}, newest first. */
  private List<JsonObject> notifications(String token, String id) throws Exception {
    RestClient.Reply reply = api().get("api/v1/notifications?limit=50", token);
    assertEquals(200, reply.status(), reply.body());
    return reply.array().stream()
        .map(JsonValue::asJsonObject)
        .filter(n -> n.getString("videoId").equals(id))
        .toList();
  }

  /** Rows are written with the change itself: they are there once the change's request returned. */
  private JsonObject awaitNotification(String token, String id, String kind) throws Exception {
    Optional<JsonObject> found =
        notifications(token, id).stream().filter(n -> n.getString("kind").equals(kind)).findFirst();
    assertTrue(found.isPresent(), "no " + kind + " notification about " + id);
    return found.get();
  }

  private long unread(String token) throws Exception {
    RestClient.Reply reply = api().get("api/v1/notifications/unread-count", token);
    assertEquals(200, reply.status(), reply.body());
    return reply.json().getJsonNumber("unread").longValue();
  }

  private MimeMessage awaitMail(String address, String videoId) throws Exception {
    return awaitMails(address, videoId, 1).get(0);
  }

  /** Waits for {@code n} mails to {@code address} that link to the video; mails go after commit. */
  private List<MimeMessage> awaitMails(String address, String videoId, int n) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (true) {
      List<MimeMessage> mails = mailsAbout(address, videoId);
      if (mails.size() >= n) {
        return mails;
      }
      assertTrue(System.nanoTime() < deadline, n + " mails to " + address + " about " + videoId);
      Thread.sleep(200);
    }
  }

  private static List<MimeMessage> mailsAbout(String address, String videoId) throws Exception {
    List<MimeMessage> found = new ArrayList<>();
    for (MimeMessage m : smtp.getReceivedMessages()) {
      boolean to = false;
      for (Address a : m.getAllRecipients()) {
        to |= a.toString().equalsIgnoreCase(address);
      }
      if (to && m.isMimeType("multipart/alternative") && text(m).contains("?id=" + videoId)) {
        found.add(m);
      }
    }
    return found;
  }

  private static String text(MimeMessage mail) throws Exception {
    return part(mail, "text/plain");
  }

  private static String html(MimeMessage mail) throws Exception {
    return part(mail, "text/html");
  }

  private static String part(MimeMessage mail, String type) throws Exception {
    MimeMultipart parts = (MimeMultipart) mail.getContent();
    for (int i = 0; i < parts.getCount(); i++) {
      BodyPart part = parts.getBodyPart(i);
      if (part.isMimeType(type)) {
        return part.getContent().toString();
      }
    }
    throw new AssertionError("no " + type + " part");
  }

  private static String subject(MimeMessage mail) {
    try {
      return mail.getSubject();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonObject empty() {
    return DemoTenants.empty();
  }
}
