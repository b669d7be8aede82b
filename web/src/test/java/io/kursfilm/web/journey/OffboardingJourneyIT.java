package io.kursfilm.web.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kursfilm.web.ItEnvironment;
import io.kursfilm.web.testing.DemoTenants;
import io.kursfilm.web.testing.RestClient;
import io.kursfilm.web.testing.SharedApp;
import jakarta.json.Json;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A company leaves, in the browser: its admin starts the offboarding on the guided page, is kept on
 * that page while the tenant is frozen, downloads the export, confirms the download, is refused
 * with a wrong name, confirms with the right one and, after the shred has deleted their account,
 * still fetches the signed certificate through the links the page gave them. The platform operator
 * then sees the offboarding as shredded, with its certificate.
 */
@ExtendWith(SharedApp.class)
class OffboardingJourneyIT {

  private static final Duration JOB = Duration.ofSeconds(90);
  private static final String PASSWORD = "quiet-heron-leaves-7-lakes";

  private final URL base = SharedApp.base();
  private final DemoTenants demo = new DemoTenants(base);

  @BeforeAll
  static void s3() throws Exception {
    ItEnvironment.s3();
  }

  @Test
  void an_admin_offboards_the_company_and_keeps_the_certificate() throws Exception {
    String slug = "leave" + UUID.randomUUID().toString().substring(0, 8);
    String adminEmail = "admin@" + slug + ".example";
    RestClient.Reply created =
        demo.createTenant(demo.login("platform", "root"), slug, "Leaving AG", adminEmail, PASSWORD);
    assertEquals(201, created.status(), created.body());
    String tenantId = created.json().getString("id");

    String certificateUrl;
    try (Person admin = Person.logIn(base, slug, adminEmail, PASSWORD, "admin-home")) {
      admin.browser().get(base + "admin/offboarding.xhtml");
      admin.waitFor(JOB, By.id("offboarding:startOffboarding")).click();
      admin.waitFor(JOB, By.cssSelector(".ui-confirmdialog-yes")).click();
      WebElement link = admin.waitFor(JOB, By.id("offboarding:exportLink"));
      String exportUrl = link.getAttribute("href");
      assertTrue(exportUrl.startsWith(base + "api/v1/offboarding/"), exportUrl);
      admin.shot("offboarding-ready");

      // The export downloads with the admin's session, as a ZIP.
      assertEquals("200 application/zip", fetch(admin, exportUrl));

      // Frozen: every other page of the tenant leads back to the offboarding.
      admin.browser().get(base + "admin/index.xhtml");
      admin.waitFor(JOB, By.cssSelector("h1[data-page='admin-offboarding']"));

      admin.waitFor(JOB, By.id("offboarding:confirmDownload")).click();
      admin.waitFor(JOB, By.id("offboarding:downloadConfirmed"));

      admin.browser().findElement(By.id("offboarding:typedSlug")).sendKeys("not-" + slug);
      admin.browser().findElement(By.id("offboarding:confirmShred")).click();
      admin.waitFor(JOB, By.cssSelector("#offboarding\\:messages .ui-messages-error"));
      assertTrue(
          admin.browser().findElements(By.id("offboarding:exportLink")).size() == 1,
          "a wrong name changes nothing");

      WebElement typed = admin.browser().findElement(By.id("offboarding:typedSlug"));
      typed.clear();
      typed.sendKeys(slug);
      admin.browser().findElement(By.id("offboarding:confirmShred")).click();
      certificateUrl =
          admin.waitFor(JOB, By.id("offboarding:certificateJson")).getAttribute("href");
      new WebDriverWait(admin.browser(), JOB)
          .withMessage("the page learns that the shred is done")
          .until(ExpectedConditions.attributeContains(By.id("shredState"), "class", "kf-done"));
      admin.shot("offboarding-shredded");

      // The admin's account went with the tenant: their session is over.
      admin.browser().get(base + "admin/offboarding.xhtml");
      admin.waitFor(JOB, By.id("login:tenant"));
    }

    // Without any session, the link of the confirmation still gives the signed certificate.
    HttpResponse<String> certificate = get(certificateUrl);
    assertEquals(200, certificate.statusCode(), certificate.body());
    assertEquals(
        tenantId,
        Json.createReader(new StringReader(certificate.body()))
            .readObject()
            .getJsonObject("certificate")
            .getString("tenantId"));
    HttpResponse<byte[]> pdf =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(certificateUrl.replace("/certificate?", "/certificate.pdf?")))
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, pdf.statusCode());
    assertEquals("%PDF", new String(pdf.body(), 0, 4, java.nio.charset.StandardCharsets.US_ASCII));

    // The operator sees it shredded, with its certificate.
    try (Person root =
        Person.logIn(base, "platform", DemoTenants.email("platform", "root"), "root-home")) {
      root.browser().get(base + "root/offboardings.xhtml");
      root.waitFor(JOB, By.cssSelector("h1[data-page='root-offboardings']"));
      List<WebElement> rows = root.browser().findElements(By.cssSelector("#offboardings tbody tr"));
      WebElement row =
          rows.stream()
              .filter(r -> r.getText().contains(tenantId))
              .findFirst()
              .orElseThrow(() -> new AssertionError("the shredded tenant's offboarding is listed"));
      assertTrue(row.getText().contains("SHREDDED"), row.getText());
      String json = row.findElement(By.cssSelector("a.kf-certificate-json")).getAttribute("href");
      assertEquals("200 application/json", fetch(root, json));
    }
  }

  /** Status and media type of a same-origin GET made by the page, with its session. */
  private static String fetch(Person person, String url) {
    Object answer =
        ((JavascriptExecutor) person.browser())
            .executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                    + "fetch(arguments[0], {credentials: 'same-origin'})"
                    + ".then(function (r) { done(r.status + ' '"
                    + " + (r.headers.get('Content-Type') || '').split(';')[0]); })"
                    + ".catch(function (e) { done('error ' + e); });",
                url);
    return String.valueOf(answer);
  }

  private static HttpResponse<String> get(String url) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
