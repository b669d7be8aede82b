package io.kursfilm.web.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kursfilm.web.testing.DemoTenants;
import io.kursfilm.web.testing.SharedApp;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;

/**
 * The pages an employee and a visitor without login use, checked by axe-core in the real browser
 * against the WCAG 2.1 A and AA rules (contrast included) in English and German: no serious or
 * critical violation.
 */
@ExtendWith(SharedApp.class)
class PortalAccessibilityIT {

  private final URL base = SharedApp.base();

  @ParameterizedTest
  @ValueSource(strings = {"en", "de"})
  void the_pages_without_login_have_no_serious_violation(String language) throws Exception {
    try (Person anonymous = Person.anonymous(language)) {
      List<String> found = new ArrayList<>();
      for (String page :
          List.of(
              "login.xhtml",
              "verify.xhtml?id=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
              "guest.xhtml?t=no-such-link")) {
        anonymous.browser().get(base + page);
        anonymous.waitFor(Duration.ofSeconds(20), By.cssSelector("h1, #login\\:submit"));
        Axe.seriousViolations(anonymous.browser()).forEach(v -> found.add(page + ": " + v));
      }
      assertEquals(List.of(), found, "serious accessibility violations (" + language + ")");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"en", "de"})
  void the_employees_pages_have_no_serious_violation(String language) throws Exception {
    try (Person employee =
        Person.logInSpeaking(
            language, base, "demo", DemoTenants.email("demo", "employee3"), "portal-home")) {
      List<String> found = new ArrayList<>();
      for (String page : List.of("portal/index.xhtml", "me.xhtml")) {
        employee.browser().get(base + page);
        employee.waitFor(Duration.ofSeconds(20), By.cssSelector("h1[data-page]"));
        Axe.seriousViolations(employee.browser()).forEach(v -> found.add(page + ": " + v));
      }
      assertEquals(List.of(), found, "serious accessibility violations (" + language + ")");
    }
  }
}
