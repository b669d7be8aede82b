package io.kursfilm.web.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kursfilm.web.ItEnvironment;
import io.kursfilm.web.testing.DemoTenants;
import io.kursfilm.web.testing.SharedApp;
import io.kursfilm.web.video.TestMedia;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Guest links in the browser: a trainer creates a password-protected link on the video's page and
 * sees its URL once; a guest without an account opens it, is refused with a wrong password and
 * plays the video with the right one; the trainer revokes it and the guest's link ends. The
 * employee's portal shows the certificates section.
 */
@ExtendWith(SharedApp.class)
class GuestLinkJourneyIT {

  private static final Duration AJAX = Duration.ofSeconds(20);

  final URL base = SharedApp.base();
  @TempDir static Path media;

  private Person trainer;
  private ChromeDriver guest;

  @BeforeAll
  static void s3() throws Exception {
    ItEnvironment.s3();
  }

  @AfterEach
  void close() {
    if (trainer != null) {
      trainer.close();
    }
    if (guest != null) {
      guest.quit();
    }
  }

  @Test
  void trainer_shares_a_video_with_a_guest_who_watches_it_until_the_link_is_revoked()
      throws Exception {
    DemoTenants demo = new DemoTenants(base);
    String title = "Guest journey " + UUID.randomUUID().toString().substring(0, 8);
    Path clip = TestMedia.clip(media, "guest-journey.mp4", "320x240", 4, title);
    String id = demo.transcoded(demo.login("trainer"), title, clip);
    demo.approve(id);

    trainer = Person.logIn(base, "demo", DemoTenants.email("demo", "trainer"), "trainer-home");
    trainer.browser().get(base + "trainer/video.xhtml?id=" + id);
    type(trainer.browser(), "guestForm:guestPassword", "journey-secret");
    type(trainer.browser(), "guestForm:guestLabel", "Partner GmbH");
    trainer.waitFor(AJAX, By.id("guestForm:guestCreate")).click();
    String url = trainer.waitFor(AJAX, By.id("guestForm:guestUrl")).getAttribute("value");
    assertTrue(url.contains("guest.xhtml?t="), url);
    assertTrue(
        trainer
            .onTheLivePage(d -> d.findElement(By.id("guestForm:guestTable")).getText())
            .contains("Partner GmbH"));

    guest = Browser.start("en");
    guest.get(url);
    type(guest, "guestPasswordForm:password", "not-the-secret");
    guest.findElement(By.id("guestPasswordForm:submit")).click();
    wait(guest)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("guestPasswordForm"), "Wrong password"));
    type(guest, "guestPasswordForm:password", "journey-secret");
    guest.findElement(By.id("guestPasswordForm:submit")).click();
    wait(guest).until(ExpectedConditions.presenceOfElementLocated(By.id("player")));
    assertEquals(title, guest.findElement(By.id("pageTitle")).getText());
    new WebDriverWait(guest, Duration.ofSeconds(60))
        .withMessage("the guest's player loads the video")
        .until(
            d ->
                (Boolean)
                    guest.executeScript(
                        "var v = document.getElementById('player');"
                            + " return v.readyState >= 1 && v.duration > 2;"));

    trainer.browser().get(base + "trainer/video.xhtml?id=" + id);
    trainer.waitFor(AJAX, By.cssSelector(".kf-guest-revoke")).click();
    wait(trainer.browser())
        .until(ExpectedConditions.elementToBeClickable(By.cssSelector(".ui-confirmdialog-yes")))
        .click();
    trainer.waitFor(AJAX, By.cssSelector("#guestForm\\:guestTable [data-state='revoked']"));

    guest.get(url);
    wait(guest).until(ExpectedConditions.presenceOfElementLocated(By.id("guestInvalid")));
  }

  @Test
  void the_employees_portal_lists_certificates() throws Exception {
    trainer = Person.logIn(base, "demo", DemoTenants.email("demo", "employee4"), "portal-home");
    String section = trainer.waitFor(AJAX, By.id("certificates")).getText();
    assertTrue(section.contains("My certificates"), section);
  }

  private static WebDriverWait wait(WebDriver browser) {
    return new WebDriverWait(browser, AJAX);
  }

  private static void type(WebDriver browser, String fieldId, String text) {
    new WebDriverWait(browser, AJAX)
        .ignoring(StaleElementReferenceException.class)
        .until(
            d -> {
              var field = d.findElement(By.id(fieldId));
              field.clear();
              field.sendKeys(text);
              return true;
            });
  }
}
