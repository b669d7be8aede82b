package io.kursfilm.web.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kursfilm.web.ItEnvironment;
import io.kursfilm.web.testing.SharedApp;
import io.kursfilm.web.video.TestMedia;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A trainer uploads a video through the real page in a real browser, watches the upload and the
 * processing progress, and plays the result with the hls.js player until it is past two seconds.
 */
@ExtendWith(SharedApp.class)
class VideoJourneyIT {

  final URL base = SharedApp.base();

  @TempDir static Path media;
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
  void trainer_uploads_sees_progress_and_watches_the_video_play() throws Exception {
    Path clip = TestMedia.clip(media, "onboarding.mp4", "1280x720", 12, "journey");
    // Its own title: earlier runs and other tests may leave videos in the list.
    String title = "Onboarding journey " + UUID.randomUUID().toString().substring(0, 8);
    String row = "//a[normalize-space()='" + title + "']/ancestor::tr";
    browser = Browser.start("en");
    browser.get(base + "login.xhtml");
    browser.findElement(By.id("login:tenant")).sendKeys("demo");
    browser.findElement(By.id("login:email")).sendKeys("trainer@demo.example");
    browser.findElement(By.id("login:password")).sendKeys(ItEnvironment.demoPassword());
    browser.findElement(By.id("login:submit")).click();
    waitUntil(Duration.ofSeconds(20), By.cssSelector("h1[data-page='trainer-home']"));

    browser.findElement(By.id("uploadTitle")).sendKeys(title);
    browser.findElement(By.id("uploadLanguage")).sendKeys("en");
    browser.findElement(By.id("uploadFile")).sendKeys(clip.toString());
    browser.findElement(By.id("uploadButton")).click();
    new WebDriverWait(browser, Duration.ofSeconds(60))
        .withMessage(() -> "upload: " + browser.findElement(By.id("uploadMessage")).getText())
        .until(
            d -> "done".equals(d.findElement(By.id("uploadMessage")).getAttribute("data-status")));
    assertEquals("100", browser.findElement(By.id("uploadBar")).getAttribute("value"));
    assertEquals("100%", browser.findElement(By.id("uploadPercent")).getText());

    boolean sawProcessing = false;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
    while (browser.findElements(By.xpath(row + "//*[@data-state='IN_REVIEW']")).isEmpty()) {
      sawProcessing |=
          !browser.findElements(By.xpath(row + "//*[contains(@class,'kf-progress')]")).isEmpty();
      assertTrue(System.nanoTime() < deadline, "the video never reached review");
      Thread.sleep(200);
    }
    assertTrue(sawProcessing, "a progress bar was shown while the video was processed");

    browser.findElement(By.xpath(row + "//a[contains(@class,'kf-watch')]")).click();
    waitUntil(Duration.ofSeconds(20), By.cssSelector("h1[data-page='watch']"));
    assertEquals(title, browser.findElement(By.id("pageTitle")).getText());
    browser.executeScript("var v = document.getElementById('player'); v.muted = true; v.play();");
    new WebDriverWait(browser, Duration.ofSeconds(60))
        .until(
            d ->
                ((Number)
                            browser.executeScript(
                                "return document.getElementById('player').currentTime"))
                        .doubleValue()
                    > 2);
    assertTrue(
        browser.findElements(By.cssSelector("#quality option")).size() >= 2,
        "quality menu lists Auto and the rungs");

    Path vtt = media.resolve("de.vtt");
    Files.writeString(vtt, "WEBVTT\n\n00:00.000 --> 00:03.000\nWillkommen\n");
    browser.findElement(By.id("captionLanguage")).sendKeys("de");
    browser.findElement(By.id("captionLabel")).sendKeys("Deutsch");
    browser.findElement(By.id("captionFile")).sendKeys(vtt.toString());
    browser.findElement(By.id("captionButton")).click();
    waitUntil(Duration.ofSeconds(20), By.cssSelector("#player track[srclang='de']"));
    assertEquals(
        "Deutsch",
        browser.findElement(By.cssSelector("#player track[srclang='de']")).getAttribute("label"));

    browser.findElement(By.cssSelector("button.kf-remove-caption[data-language='de']")).click();
    new WebDriverWait(browser, Duration.ofSeconds(20))
        .until(d -> d.findElements(By.cssSelector("#player track")).isEmpty());
  }

  private void waitUntil(Duration timeout, By what) {
    new WebDriverWait(browser, timeout).until(ExpectedConditions.presenceOfElementLocated(what));
  }
}
