package io.kursfilm.web.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kursfilm.web.ItEnvironment;
import io.kursfilm.web.learning.LearningMedia;
import io.kursfilm.web.testing.DemoTenants;
import io.kursfilm.web.testing.SharedApp;
import jakarta.json.JsonObject;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An employee finds a video in the portal catalogue by a word of its description, watches part of
 * it (the player reports what really played), continues it from the portal's "continue watching"
 * row where it stopped, jumps to the end (which completes nothing) and then watches it through,
 * which completes it. Checked on the page and through the REST API.
 */
@ExtendWith(SharedApp.class)
class WatchProgressJourneyIT {

  @TempDir static Path media;
  private final URL base = SharedApp.base();
  private ChromeDriver browser;

  @BeforeAll
  static void s3() throws Exception {
    ItEnvironment.s3();
  }

  @AfterEach
  void quit() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void employee_searches_watches_continues_and_completes_a_video() throws Exception {
    String word = "wombat" + letters(6);
    LearningMedia learning = new LearningMedia(base, media);
    String id =
        learning.published("Journey video", "The " + word + " and the fire door", "fire", "en");
    logIn("employee2");

    WebElement query = waitFor(By.id("catalogueSearch:query"));
    query.sendKeys(word, Keys.ENTER);
    new WebDriverWait(browser, Duration.ofSeconds(20))
        .until(d -> d.findElements(By.cssSelector("#courses tr.kf-course")).size() == 1);
    WebElement link = waitFor(By.cssSelector("#courses a.kf-watch[data-video='" + id + "']"));
    link.click();

    waitForPlayer();
    playUntil(8, 4);
    pause();
    double share = awaitWatched(0.3);
    assertTrue(share < 0.7, "watched " + share);
    JsonObject stored = progress(learning, id);
    assertTrue(stored.getJsonNumber("position").doubleValue() >= 7, stored.toString());

    browser.get(base + "portal/index.xhtml");
    waitFor(By.cssSelector("a.kf-continue[data-video='" + id + "']")).click();
    waitForPlayer();
    new WebDriverWait(browser, Duration.ofSeconds(20))
        .withMessage("the player resumes where it stopped")
        .until(d -> currentTime() >= 7);

    browser.executeScript("document.getElementById('player').currentTime = 19;");
    playUntilEnded();
    JsonObject afterJump = progress(learning, id);
    assertFalse(afterJump.getBoolean("completed"), afterJump.toString());
    assertTrue(afterJump.getJsonNumber("watchedShare").doubleValue() < 0.9, afterJump.toString());

    browser.executeScript("document.getElementById('player').currentTime = 0;");
    playUntilEnded();
    new WebDriverWait(browser, Duration.ofSeconds(20))
        .withMessage("the page shows the completion")
        .until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#watchProgress[data-completed='true']")));
    assertTrue(progress(learning, id).getBoolean("completed"));
  }

  private JsonObject progress(LearningMedia learning, String id) throws Exception {
    var reply = learning.api().get("api/v1/progress/" + id, learning.demo().login("employee2"));
    assertEquals(200, reply.status(), reply.body());
    return reply.json();
  }

  private void logIn(String who) {
    browser = startBrowser();
    browser.get(base + "login.xhtml");
    browser.findElement(By.id("login:tenant")).sendKeys("demo");
    browser.findElement(By.id("login:email")).sendKeys(DemoTenants.email("demo", who));
    browser.findElement(By.id("login:password")).sendKeys(ItEnvironment.demoPassword());
    browser.findElement(By.id("login:submit")).click();
    waitFor(By.cssSelector("h1[data-page='portal-home']"));
  }

  private static ChromeDriver startBrowser() {
    try {
      return Browser.start("en");
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private void waitForPlayer() {
    waitFor(By.cssSelector("h1[data-page='watch']"));
    new WebDriverWait(browser, Duration.ofSeconds(60))
        .withMessage("the player loads the video")
        .until(
            d ->
                (Boolean)
                    browser.executeScript(
                        "var v = document.getElementById('player');"
                            + " return v.readyState >= 1 && v.duration > 5;"));
  }

  private void playUntil(double second, double rate) {
    browser.executeScript(
        "var v = document.getElementById('player'); v.muted = true; v.playbackRate = "
            + rate
            + "; v.play();");
    new WebDriverWait(browser, Duration.ofSeconds(60))
        .withMessage("playback reaches " + second)
        .until(d -> currentTime() >= second);
  }

  private void playUntilEnded() {
    browser.executeScript(
        "var v = document.getElementById('player'); v.muted = true; v.playbackRate = 4; v.play();");
    new WebDriverWait(browser, Duration.ofSeconds(60))
        .withMessage("playback ends")
        .until(
            d -> (Boolean) browser.executeScript("return document.getElementById('player').ended"));
    // The report sent on "ended" is answered before the page shows it.
    new WebDriverWait(browser, Duration.ofSeconds(20))
        .until(
            d -> browser.findElement(By.id("watchProgress")).getAttribute("data-watched") != null);
    sleep(1500);
  }

  private void pause() {
    browser.executeScript("document.getElementById('player').pause();");
  }

  private double awaitWatched(double atLeast) {
    new WebDriverWait(browser, Duration.ofSeconds(20))
        .withMessage("the page shows the share watched")
        .until(
            d -> {
              String watched =
                  browser.findElement(By.id("watchProgress")).getAttribute("data-watched");
              return watched != null && Double.parseDouble(watched) >= atLeast;
            });
    return Double.parseDouble(
        browser.findElement(By.id("watchProgress")).getAttribute("data-watched"));
  }

  private double currentTime() {
    return ((Number) browser.executeScript("return document.getElementById('player').currentTime"))
        .doubleValue();
  }

  private WebElement waitFor(By what) {
    return new WebDriverWait(browser, Duration.ofSeconds(30))
        .until(ExpectedConditions.presenceOfElementLocated(what));
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String letters(int n) {
    Random random = new Random();
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < n; i++) {
      s.append((char) ('a' + random.nextInt(26)));
    }
    return s.toString();
  }
}
