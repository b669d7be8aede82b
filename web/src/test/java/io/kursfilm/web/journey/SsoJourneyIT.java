package io.kursfilm.web.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kursfilm.web.ItEnvironment;
import io.kursfilm.web.testing.IdentityProvider;
import io.kursfilm.web.testing.SharedApp;
import java.net.URL;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A tenant admin connects the company's identity provider on the admin page, and a person signs in
 * with the company account from the login page, in a real browser. The provider
 * (mock-oauth2-server) runs in the test JVM. It sends the browser to the configured public address
 * ({@code kursfilm.base-url}), which in tests is where Arquillian deployed the app.
 */
@ExtendWith(SharedApp.class)
class SsoJourneyIT {

  private static IdentityProvider provider;

  final URL base = SharedApp.base();

  private ChromeDriver browser;

  @BeforeAll
  static void start() throws Exception {
    provider = new IdentityProvider().start();
  }

  @AfterAll
  static void stop() {
    if (provider != null) {
      provider.stop();
    }
  }

  @AfterEach
  void quit() {
    if (browser != null) {
      browser.quit();
    }
  }

  private static String issuer() {
    return provider.issuer("journey-idp");
  }

  @Test
  void admin_connects_the_provider_and_an_employee_signs_in_with_the_company_account()
      throws Exception {
    browser = Browser.start("en");
    browser.get(base + "login.xhtml");
    browser.findElement(By.id("login:tenant")).sendKeys("demo");
    browser.findElement(By.id("login:email")).sendKeys("admin@demo.example");
    browser.findElement(By.id("login:password")).sendKeys(ItEnvironment.demoPassword());
    browser.findElement(By.id("login:submit")).click();
    waitFor(By.cssSelector("h1[data-page='admin-home']"));

    browser.findElement(By.cssSelector("a[id$='menuSso']")).click();
    waitFor(By.cssSelector("h1[data-page='admin-sso']"));
    assertTrue(
        browser
            .findElement(By.id("ssoForm:redirectUri"))
            .getAttribute("value")
            .endsWith("/sso/callback"));
    replace("ssoForm:issuer", issuer());
    replace("ssoForm:clientId", "kursfilm-journey");
    browser.findElement(By.id("ssoForm:clientSecret")).sendKeys("journey-secret-123");
    WebElementsClick.checked(browser, "ssoForm:enabled", true);
    WebElementsClick.checked(browser, "ssoForm:passwordLoginDisabled", false);
    browser.findElement(By.id("ssoForm:save")).click();
    new WebDriverWait(browser, Duration.ofSeconds(20))
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("ssoForm:messages"), "Single sign-on settings saved."));
    assertEquals("", browser.findElement(By.id("ssoForm:clientSecret")).getAttribute("value"));
    assertFalse(browser.getPageSource().contains("journey-secret-123"), "secret never shown");
    browser.findElement(By.id("shellForm:logout")).click();

    browser.get(base + "login.xhtml");
    browser.findElement(By.id("login:tenant")).sendKeys("demo", Keys.TAB);
    // Queued before the click: the provider answers at once and the app redeems the code while
    // the browser is still following the redirects.
    provider.nextIdToken(
        "journey-idp", Map.of("email", "employee4@demo.example", "email_verified", true));
    // The link appears once the company is known (Ajax on leaving the field).
    waitFor(By.linkText("Sign in with your company account")).click();
    // The provider signs in at once and redirects to kursfilm.base-url + sso/callback, which in
    // tests is where the app runs; the callback then sends the browser to its start page.
    try {
      waitFor(By.cssSelector("h1[data-page='portal-home']"));
    } catch (RuntimeException e) {
      throw new AssertionError("ended at " + browser.getCurrentUrl(), e);
    }
    assertEquals("demo", browser.findElement(By.id("tenant")).getText());
  }

  private void replace(String id, String text) {
    var field = browser.findElement(By.id(id));
    field.clear();
    field.sendKeys(text);
  }

  private org.openqa.selenium.WebElement waitFor(By by) {
    return new WebDriverWait(browser, Duration.ofSeconds(20))
        .until(ExpectedConditions.elementToBeClickable(by));
  }

  /** PrimeFaces checkboxes are clicked on their box, not on the hidden input. */
  private static final class WebElementsClick {
    static void checked(ChromeDriver browser, String id, boolean wanted) {
      var wrapper = browser.findElement(By.id(id));
      boolean now = wrapper.findElement(By.cssSelector("input")).isSelected();
      if (now != wanted) {
        wrapper.findElement(By.cssSelector(".ui-chkbox-box")).click();
      }
    }
  }
}
