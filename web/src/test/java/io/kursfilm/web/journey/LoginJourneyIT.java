package io.kursfilm.web.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kursfilm.web.ItEnvironment;
import io.kursfilm.web.testing.SharedApp;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** People log in through the real login page in a real browser and land on their start page. */
@ExtendWith(SharedApp.class)
class LoginJourneyIT {

  final URL base = SharedApp.base();

  private ChromeDriver browser;

  @AfterEach
  void quit() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void trainer_logs_in_and_sees_the_trainer_start_page_with_a_trainer_menu() throws Exception {
    browser = Browser.start("en");
    browser.get(base + "login.xhtml");
    String sessionBefore = sessionId();

    logIn("demo", "trainer@demo.example", ItEnvironment.demoPassword());

    waitForPage("trainer-home");
    assertTrue(browser.getCurrentUrl().endsWith("/trainer/index.xhtml"));
    assertEquals("Your training videos", browser.findElement(By.id("pageTitle")).getText());
    assertEquals("demo", browser.findElement(By.id("tenant")).getText());
    assertFalse(menuIds().contains("menuUsers"), "no admin entries for a trainer");
    assertTrue(menuIds().contains("menuVideos"));
    assertNotEquals(sessionBefore, sessionId(), "session id renewed on login");
    assertEquals(200, fetchStatus("GET", "api/v1/me"), "API usable with the session cookie");
    assertEquals(
        403, fetchStatus("DELETE", "api/v1/sessions/current"), "no CSRF token, no state change");
  }

  @Test
  void admin_sees_only_the_people_of_their_own_company() throws Exception {
    browser = Browser.start("en");
    browser.get(base + "login.xhtml");

    logIn("acme", "admin@acme.example", ItEnvironment.demoPassword());

    waitForPage("admin-home");
    List<String> emails =
        browser.findElements(By.cssSelector("#users tbody tr td:first-child")).stream()
            .map(WebElement::getText)
            .toList();
    assertTrue(emails.size() >= 8, "all acme users listed: " + emails);
    assertTrue(emails.contains("employee5@acme.example"), emails.toString());
    assertTrue(emails.stream().noneMatch(e -> e.endsWith("@demo.example")), emails.toString());
  }

  @Test
  void wrong_password_keeps_the_person_on_the_login_page_with_a_generic_message() throws Exception {
    browser = Browser.start("en");
    browser.get(base + "login.xhtml");

    logIn("demo", "trainer@demo.example", "not-the-password");

    WebElement message =
        new WebDriverWait(browser, Duration.ofSeconds(15))
            .until(ExpectedConditions.visibilityOfElementLocated(By.id("login:messages")));
    assertTrue(message.getText().contains("Company, e-mail or password is wrong."));
    assertTrue(browser.getCurrentUrl().contains("login.xhtml"));
  }

  @Test
  void employee_is_refused_the_admin_pages_and_logout_ends_the_session() throws Exception {
    browser = Browser.start("en");
    browser.get(base + "login.xhtml");
    logIn("demo", "employee1@demo.example", ItEnvironment.demoPassword());
    waitForPage("portal-home");

    browser.get(base + "admin/index.xhtml");
    assertTrue(browser.getPageSource().contains("Not allowed"), "403 page shown");

    browser.get(base + "portal/index.xhtml");
    waitForPage("portal-home");
    browser.findElement(By.id("shellForm:logout")).click();
    new WebDriverWait(browser, Duration.ofSeconds(15))
        .until(ExpectedConditions.urlContains("login.xhtml"));
    browser.get(base + "portal/index.xhtml");
    new WebDriverWait(browser, Duration.ofSeconds(15))
        .until(ExpectedConditions.urlContains("login.xhtml"));
  }

  @Test
  void german_browser_gets_the_german_ui() throws Exception {
    browser = Browser.start("de");
    browser.get(base + "login.xhtml");

    assertEquals("Anmelden", browser.findElement(By.id("login:submit")).getText());
    logIn("demo", "critic@demo.example", ItEnvironment.demoPassword());
    waitForPage("critic-home");
    assertEquals(
        "Videos, die auf Ihre Prüfung warten", browser.findElement(By.id("pageTitle")).getText());
  }

  @Test
  void every_admin_page_and_public_link_page_renders() throws Exception {
    browser = Browser.start("en");
    browser.get(base + "forgot.xhtml");
    assertPageRendered("forgot.xhtml");
    browser.get(base + "invite.xhtml?token=not-a-real-token");
    assertPageRendered("invite.xhtml");
    assertTrue(browser.getPageSource().contains("This link is invalid"), "invalid link explained");
    browser.get(base + "reset.xhtml?token=not-a-real-token");
    assertPageRendered("reset.xhtml");

    browser.get(base + "login.xhtml");
    logIn("demo", "admin@demo.example", ItEnvironment.demoPassword());
    waitForPage("admin-home");
    for (String page :
        List.of(
            "admin/invitations.xhtml",
            "admin/deletions.xhtml",
            "me.xhtml",
            "admin/settings.xhtml",
            "admin/audit.xhtml")) {
      browser.get(base + page);
      assertPageRendered(page);
      assertFalse(browser.findElements(By.id("menu")).isEmpty(), page + " has the shell");
    }
    assertTrue(browser.getPageSource().contains("LOGIN"), "the audit page lists the login");
  }

  private void assertPageRendered(String page) {
    String source = browser.getPageSource();
    assertFalse(source.contains("Something went wrong"), page + " failed: error page");
    assertFalse(source.contains("Not found"), page + " not found");
    assertFalse(source.contains("Exception"), page + " shows an exception");
  }

  /** Status of an API call made by the page's own JavaScript, with the browser's cookies. */
  private long fetchStatus(String method, String path) {
    Object status =
        browser.executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + "fetch(arguments[0], {method: arguments[1], credentials: 'same-origin'})"
                + ".then(r => done(r.status)).catch(e => done(-1));",
            base + path,
            method);
    return ((Number) status).longValue();
  }

  private void logIn(String tenant, String email, String password) {
    browser.findElement(By.id("login:tenant")).sendKeys(tenant);
    browser.findElement(By.id("login:email")).sendKeys(email);
    browser.findElement(By.id("login:password")).sendKeys(password);
    browser.findElement(By.id("login:submit")).click();
  }

  private void waitForPage(String page) {
    new WebDriverWait(browser, Duration.ofSeconds(20))
        .until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("h1[data-page='" + page + "']")));
  }

  private List<String> menuIds() {
    return browser.findElements(By.cssSelector("#menu a[id]")).stream()
        .map(a -> a.getAttribute("id").replaceFirst("^.*:", ""))
        .toList();
  }

  private String sessionId() {
    Cookie cookie = browser.manage().getCookieNamed("JSESSIONID");
    return cookie == null ? null : cookie.getValue();
  }
}
