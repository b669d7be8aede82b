package io.kursfilm.web.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kursfilm.web.ItEnvironment;
import io.kursfilm.web.testing.RestClient;
import io.kursfilm.web.testing.SharedApp;
import io.kursfilm.web.video.TestMedia;
import jakarta.json.JsonObject;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The critic review workflow in real browsers, one per person: a trainer uploads a video, a critic
 * comments at 0:05 and requests changes, the trainer finds the comment on the timeline and uploads
 * version 2, the critic approves it, and an employee finds it in the portal and plays it. Each step
 * is checked on the page and through the REST API.
 */
@ExtendWith(SharedApp.class)
class ReviewJourneyIT {

  private static final Duration PROCESSING = Duration.ofSeconds(300);
  private static final String COMMENT = "The logo covers the speaker <b>here</b>";
  private static final String REASON = "Please move the logo out of the picture";

  final URL base = SharedApp.base();

  @TempDir static Path media;
  private Person person;
  private ChromeDriver browser;
  private String title;
  private String id;

  @BeforeAll
  static void s3() throws Exception {
    ItEnvironment.s3();
  }

  @AfterEach
  void quit() {
    if (person != null) {
      person.close();
    }
  }

  @Test
  void critic_requests_changes_at_a_second_trainer_answers_with_version_2_employee_watches_it()
      throws Exception {
    title = "Review journey " + UUID.randomUUID().toString().substring(0, 8);
    trainerUploadsTheFirstVersion();
    criticCommentsAtFiveSecondsAndRequestsChanges();
    trainerSeesTheMarkerAndUploadsVersionTwo();
    criticApprovesVersionTwo();
    employeeFindsItInThePortalAndPlaysIt();
  }

  private void trainerUploadsTheFirstVersion() throws Exception {
    Path clip = TestMedia.clip(media, "v1.mp4", "640x360", 12, "review-journey-v1");
    logIn("trainer@demo.example", "trainer-home");
    browser.findElement(By.id("uploadTitle")).sendKeys(title);
    browser.findElement(By.id("uploadFile")).sendKeys(clip.toString());
    browser.findElement(By.id("uploadButton")).click();
    waitForUpload();
    id = onTheLivePage(d -> d.findElement(By.linkText(title)).getAttribute("data-video"));
    new WebDriverWait(browser, PROCESSING)
        .withMessage(() -> "version 1 never reached review")
        .ignoring(StaleElementReferenceException.class)
        .until(d -> "IN_REVIEW".equals(stateInTrainerList()));
    assertEquals("IN_REVIEW", video(token("trainer")).getString("state"));
  }

  private void criticCommentsAtFiveSecondsAndRequestsChanges() throws Exception {
    logIn("critic@demo.example", "critic-home");
    Matcher count =
        Pattern.compile("Review queue \\((\\d+)\\)")
            .matcher(browser.findElement(By.id("menuReview")).getText());
    assertTrue(count.matches(), "the menu entry shows a count");
    assertTrue(Integer.parseInt(count.group(1)) >= 1, "the new video is counted");

    browser.findElement(By.id("queueForm:title")).sendKeys(title.substring(15));
    new WebDriverWait(browser, Duration.ofSeconds(20))
        .until(d -> d.findElements(By.cssSelector("a.kf-review-link")).size() == 1);
    WebElement row = browser.findElement(By.cssSelector("a.kf-review-link"));
    assertEquals(title, row.getText(), "the title filter leaves this video only");
    row.click();
    waitFor(Duration.ofSeconds(20), By.cssSelector("h1[data-page='critic-review']"));
    assertEquals(title, browser.findElement(By.id("pageTitle")).getText());

    waitForPlayer();
    browser.executeScript("document.getElementById('player').currentTime = 5;");
    new WebDriverWait(browser, Duration.ofSeconds(20))
        .until(d -> "0:05".equals(d.findElement(By.id("commentAt")).getText()));
    WebElement text = browser.findElement(By.id("commentForm:commentText"));
    text.click();
    assertTrue(
        (Boolean) browser.executeScript("return document.getElementById('player').paused"),
        "writing a comment pauses the player");
    text.sendKeys(COMMENT);
    browser.findElement(By.id("commentForm:addComment")).click();
    WebElement marker = waitFor(Duration.ofSeconds(20), By.cssSelector(".kf-marker[data-at='5']"));
    assertTrue(marker.getAttribute("title").contains(COMMENT), "the marker names the comment");
    WebElement listed = browser.findElement(By.cssSelector("#commentList li.kf-comment"));
    assertEquals("0:05", listed.findElement(By.cssSelector(".kf-comment-at")).getText());
    assertEquals(COMMENT, listed.findElement(By.cssSelector(".kf-comment-text")).getText());
    assertTrue(
        listed.findElements(By.cssSelector(".kf-comment-text b")).isEmpty(),
        "HTML in a comment is shown as text, never rendered");
    shot("critic-review-comment");

    browser.findElement(By.id("decisionForm:requestChanges")).click();
    new WebDriverWait(browser, Duration.ofSeconds(20))
        .withMessage("a request for changes needs a reason")
        .ignoring(StaleElementReferenceException.class)
        .until(
            d ->
                d.findElement(By.id("decisionForm:decisionMessages"))
                    .getText()
                    .contains("Say what should change."));
    assertEquals("IN_REVIEW", browser.findElement(By.id("videoState")).getAttribute("data-state"));
    browser.findElement(By.id("decisionForm:reason")).sendKeys(REASON);
    browser.findElement(By.id("decisionForm:requestChanges")).click();
    waitFor(Duration.ofSeconds(20), By.cssSelector("#videoState[data-state='CHANGES_REQUESTED']"));
    WebElement decision =
        browser.findElement(By.cssSelector(".kf-decision[data-decision='REQUEST_CHANGES']"));
    assertTrue(decision.getText().contains(REASON), "the history shows the reason");

    String critic = token("critic");
    List<JsonObject> comments =
        api().get("api/v1/videos/" + id + "/comments", critic).array().stream()
            .map(JsonObject.class::cast)
            .toList();
    assertTrue(
        comments.stream()
            .anyMatch(
                c ->
                    present(c, "atSecond")
                        && c.getInt("atSecond") == 5
                        && COMMENT.equals(c.getString("text"))
                        && c.getInt("version") == 1),
        "the comment is stored at second 5 of version 1: " + comments);
    JsonObject review =
        api().get("api/v1/videos/" + id + "/review", critic).array().getJsonObject(0);
    assertEquals("REQUEST_CHANGES", review.getString("decision"));
    assertEquals(1, review.getInt("version"));
  }

  private void trainerSeesTheMarkerAndUploadsVersionTwo() throws Exception {
    logIn("trainer@demo.example", "trainer-home");
    assertEquals(
        "Needs changes",
        onTheLivePage(
            d ->
                d.findElement(By.linkText(title))
                    .findElement(By.xpath("ancestor::tr"))
                    .findElement(By.cssSelector(".kf-needs-changes"))
                    .getText()));
    onTheLivePage(
        d -> {
          d.findElement(By.linkText(title)).click();
          return true;
        });
    waitFor(Duration.ofSeconds(20), By.cssSelector("h1[data-page='trainer-video']"));
    assertEquals(
        "CHANGES_REQUESTED", browser.findElement(By.id("videoState")).getAttribute("data-state"));
    String comments = browser.findElement(By.id("commentList")).getText();
    assertTrue(comments.contains(COMMENT) && comments.contains(REASON), comments);

    waitForPlayer();
    browser.findElement(By.cssSelector(".kf-marker[data-at='5']")).click();
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .withMessage("the marker seeks the player to 0:05")
        .until(d -> Math.abs(currentTime() - 5) < 0.5);
    shot("trainer-video-marker");

    Path clip = TestMedia.clip(media, "v2.mp4", "640x360", 10, "review-journey-v2");
    browser.findElement(By.id("uploadFile")).sendKeys(clip.toString());
    browser.findElement(By.id("uploadButton")).click();
    waitForUpload();
    waitFor(PROCESSING, By.cssSelector("#videoState[data-state='IN_REVIEW'][data-version='2']"));
    assertEquals(2, browser.findElements(By.cssSelector("tr.kf-version")).size());

    JsonObject video = video(token("trainer"));
    assertEquals("IN_REVIEW", video.getString("state"));
    assertEquals(2, video.getInt("version"));
    assertTrue(!present(video, "publishedVersion"), "nothing is published yet");
  }

  private void criticApprovesVersionTwo() throws Exception {
    logIn("critic@demo.example", "critic-home");
    browser.get(base + "critic/review.xhtml?id=" + id);
    waitFor(Duration.ofSeconds(20), By.cssSelector("#videoState[data-version='2']"));
    browser.findElement(By.id("decisionForm:approve")).click();
    waitFor(Duration.ofSeconds(20), By.cssSelector("#videoState[data-state='PUBLISHED']"));
    assertEquals(
        1, browser.findElements(By.cssSelector(".kf-decision[data-decision='APPROVE']")).size());
    assertEquals(
        1,
        browser
            .findElements(By.cssSelector(".kf-decision[data-decision='REQUEST_CHANGES']"))
            .size());
    shot("critic-review-approved");
  }

  private void employeeFindsItInThePortalAndPlaysIt() throws Exception {
    logIn("employee1@demo.example", "portal-home");
    waitFor(Duration.ofSeconds(20), By.linkText(title)).click();
    waitFor(Duration.ofSeconds(20), By.cssSelector("h1[data-page='watch']"));
    assertEquals(title, browser.findElement(By.id("pageTitle")).getText());
    browser.executeScript("var v = document.getElementById('player'); v.muted = true; v.play();");
    new WebDriverWait(browser, Duration.ofSeconds(60))
        .withMessage("the published version plays")
        .until(d -> currentTime() > 2);

    String employee = token("employee1");
    JsonObject video = video(employee);
    assertEquals("PUBLISHED", video.getString("state"));
    assertEquals(2, video.getInt("version"));
    assertEquals(403, api().get("api/v1/videos/" + id + "/comments", employee).status());
  }

  private static boolean present(JsonObject json, String name) {
    return json.containsKey(name) && !json.isNull(name);
  }

  private RestClient api() {
    return new RestClient(base);
  }

  private String token(String who) throws Exception {
    return api().login("demo", who + "@demo.example", ItEnvironment.demoPassword());
  }

  private JsonObject video(String token) throws Exception {
    RestClient.Reply reply = api().get("api/v1/videos/" + id, token);
    assertEquals(200, reply.status(), reply.body());
    return reply.json();
  }

  /** A fresh browser for each person, logged in on the real login page. */
  private void logIn(String email, String startPage) throws Exception {
    if (person != null) {
      person.close();
    }
    person = Person.logIn(base, "demo", email, startPage);
    browser = person.browser();
  }

  private String stateInTrainerList() {
    List<WebElement> state =
        browser.findElements(
            By.xpath("//a[@data-video='" + id + "']/ancestor::tr//*[@data-state]"));
    return state.isEmpty() ? null : state.get(0).getAttribute("data-state");
  }

  private void waitForUpload() {
    person.waitForUpload();
  }

  private void waitForPlayer() {
    person.waitForPlayer(5);
  }

  private double currentTime() {
    return person.currentTime();
  }

  private <T> T onTheLivePage(Function<WebDriver, T> read) {
    return person.onTheLivePage(read);
  }

  private WebElement waitFor(Duration timeout, By what) {
    return person.waitFor(timeout, what);
  }

  private void shot(String name) throws Exception {
    person.shot(name);
  }
}
