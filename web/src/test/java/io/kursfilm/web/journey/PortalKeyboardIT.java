package io.kursfilm.web.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kursfilm.web.ItEnvironment;
import io.kursfilm.web.testing.DemoTenants;
import io.kursfilm.web.testing.SharedApp;
import io.kursfilm.web.video.TestMedia;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The portal without a mouse: an employee logs in, finds every link and button of the start page
 * with the Tab key alone, and opens a published video with Enter.
 */
@ExtendWith(SharedApp.class)
class PortalKeyboardIT {

  private static final int MAX_TABS = 200;

  private final URL base = SharedApp.base();
  private final DemoTenants demo = new DemoTenants(base);

  @Test
  void an_employee_reaches_every_control_of_the_portal_and_opens_a_video_by_keyboard()
      throws Exception {
    String title = "Keyboard " + UUID.randomUUID().toString().substring(0, 8);
    Path media = Files.createTempDirectory("keyboard");
    String video =
        demo.transcoded(
            demo.login("trainer"), title, TestMedia.clip(media, "k.mp4", "320x240", 2, "keys"));
    demo.approve(video);

    try (Person employee = Person.anonymous("en")) {
      WebDriver browser = employee.browser();
      browser.get(base + "login.xhtml");
      employee.waitFor(Duration.ofSeconds(20), By.id("login:tenant"));
      tabTo(browser, e -> "login:tenant".equals(e.getAttribute("id")));
      type(browser, "demo");
      tabTo(browser, e -> "login:email".equals(e.getAttribute("id")));
      type(browser, DemoTenants.email("demo", "employee2"));
      tabTo(browser, e -> "login:password".equals(e.getAttribute("id")));
      type(browser, ItEnvironment.demoPassword() + Keys.ENTER);
      employee.waitFor(Duration.ofSeconds(30), By.cssSelector("h1[data-page='portal-home']"));

      List<WebElement> controls =
          browser.findElements(By.cssSelector("a[href], button")).stream()
              .filter(WebElement::isDisplayed)
              .toList();
      Set<String> missing =
          controls.stream().map(PortalKeyboardIT::describe).collect(Collectors.toSet());
      for (int i = 0; i < MAX_TABS && !missing.isEmpty(); i++) {
        new Actions(browser).sendKeys(Keys.TAB).perform();
        missing.remove(describe(active(browser)));
      }
      assertEquals(Set.of(), missing, "controls the Tab key never reached");

      // A link of the menu, then (from the top of a fresh start page) the video's entry in the
      // catalogue's table, whose own key handlers once swallowed Enter.
      tabTo(browser, e -> String.valueOf(e.getAttribute("href")).endsWith("me.xhtml"));
      active(browser).sendKeys(Keys.RETURN);
      employee.waitFor(
          Duration.ofSeconds(20), By.cssSelector("h1[data-page]:not([data-page='portal-home'])"));
      browser.get(base + "portal/index.xhtml");
      employee.waitFor(
          Duration.ofSeconds(20), By.cssSelector("a.kf-watch[data-video='" + video + "']"));
      tabTo(
          browser,
          e ->
              video.equals(e.getAttribute("data-video"))
                  && e.getAttribute("class").contains("kf-watch"));
      active(browser).sendKeys(Keys.RETURN);
      WebElement heading =
          employee.waitFor(Duration.ofSeconds(20), By.cssSelector("h1[data-page='watch']"));
      assertEquals(title, heading.getText());
      assertTrue(browser.getCurrentUrl().contains(video), browser.getCurrentUrl());
    }
  }

  /** Presses Tab until the focused element is the one wanted. */
  private static void tabTo(WebDriver browser, Predicate<WebElement> wanted) {
    for (int i = 0; i < MAX_TABS; i++) {
      if (wanted.test(active(browser))) {
        return;
      }
      new Actions(browser).sendKeys(Keys.TAB).perform();
    }
    throw new AssertionError(
        "the Tab key never reached the element; last: " + describe(active(browser)));
  }

  private static void type(WebDriver browser, CharSequence keys) {
    new Actions(browser).sendKeys(keys).perform();
  }

  private static WebElement active(WebDriver browser) {
    return browser.switchTo().activeElement();
  }

  /** Stable for one page: the element's tag, id, target and text. */
  private static String describe(WebElement e) {
    return e.getTagName()
        + "#"
        + e.getAttribute("id")
        + " "
        + e.getAttribute("href")
        + " "
        + e.getText();
  }
}
