package io.kursfilm.web.journey;

import io.kursfilm.web.ItEnvironment;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One person of a journey in their own browser, logged in on the real login page: what the journeys
 * do with a page (wait for it, read a list a poll re-renders, drive the player, keep a screenshot)
 * in one place.
 */
public final class Person implements AutoCloseable {

  private final ChromeDriver browser;

  private Person(ChromeDriver browser) {
    this.browser = browser;
  }

  /** Logs {@code email} of company {@code tenant} in and waits for their start page. */
  public static Person logIn(URL base, String tenant, String email, String startPage)
      throws Exception {
    return logIn(base, tenant, email, ItEnvironment.demoPassword(), startPage);
  }

  /** Logs {@code email} of company {@code tenant} in with a browser set to {@code language}. */
  public static Person logInSpeaking(
      String language, URL base, String tenant, String email, String startPage) throws Exception {
    return logIn(base, tenant, email, ItEnvironment.demoPassword(), startPage, language);
  }

  /** Someone who is not logged in, in a browser set to {@code language}. */
  public static Person anonymous(String language) throws Exception {
    return new Person(Browser.start(language));
  }

  /** Logs {@code email} of company {@code tenant} in with {@code password}. */
  public static Person logIn(
      URL base, String tenant, String email, String password, String startPage) throws Exception {
    return logIn(base, tenant, email, password, startPage, "en");
  }

  private static Person logIn(
      URL base, String tenant, String email, String password, String startPage, String language)
      throws Exception {
    Person person = new Person(Browser.start(language));
    WebDriver browser = person.browser;
    browser.get(base + "login.xhtml");
    browser.findElement(By.id("login:tenant")).sendKeys(tenant);
    browser.findElement(By.id("login:email")).sendKeys(email);
    browser.findElement(By.id("login:password")).sendKeys(password);
    browser.findElement(By.id("login:submit")).click();
    person.waitFor(Duration.ofSeconds(30), By.cssSelector("h1[data-page='" + startPage + "']"));
    return person;
  }

  public ChromeDriver browser() {
    return browser;
  }

  public WebElement waitFor(Duration timeout, By what) {
    return new WebDriverWait(browser, timeout)
        .until(ExpectedConditions.presenceOfElementLocated(what));
  }

  /** Reads a part of the page that a poll may render again meanwhile: retries a stale element. */
  public <T> T onTheLivePage(Function<WebDriver, T> read) {
    return new WebDriverWait(browser, Duration.ofSeconds(20))
        .ignoring(StaleElementReferenceException.class)
        .until(read::apply);
  }

  /** Until the player knows the video's length (longer than {@code seconds}), so it can seek. */
  public void waitForPlayer(int seconds) {
    new WebDriverWait(browser, Duration.ofSeconds(60))
        .withMessage("the player loads the version")
        .until(
            d ->
                (Boolean)
                    browser.executeScript(
                        "var v = document.getElementById('player');"
                            + " return v.readyState >= 1 && v.duration > arguments[0];",
                        seconds));
  }

  public double currentTime() {
    return ((Number) browser.executeScript("return document.getElementById('player').currentTime"))
        .doubleValue();
  }

  public void waitForUpload() {
    new WebDriverWait(browser, Duration.ofSeconds(90))
        .withMessage(() -> "upload: " + browser.findElement(By.id("uploadMessage")).getText())
        .until(
            d -> "done".equals(d.findElement(By.id("uploadMessage")).getAttribute("data-status")));
  }

  /** A full-page screenshot for people, when KURSFILM_IT_SCREENSHOTS names a directory. */
  public void shot(String name) throws Exception {
    String dir = System.getenv("KURSFILM_IT_SCREENSHOTS");
    if (dir != null && !dir.isBlank()) {
      Files.createDirectories(Path.of(dir));
      Dimension size = browser.manage().window().getSize();
      long height =
          ((Number) browser.executeScript("return document.documentElement.scrollHeight"))
              .longValue();
      browser.manage().window().setSize(new Dimension(size.getWidth(), (int) height + 120));
      Files.write(Path.of(dir, name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
      browser.manage().window().setSize(size);
    }
  }

  @Override
  public void close() {
    browser.quit();
  }
}
