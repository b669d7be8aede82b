package io.kursfilm.web.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kursfilm.web.testing.DemoTenants;
import io.kursfilm.web.testing.SharedApp;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * The learning pages of trainers and tenant admins render in a real browser, are in the menu, and
 * have no serious accessibility violation (axe-core, WCAG 2.1 A and AA); the admin makes a group on
 * the groups page and finds it in the list.
 */
@ExtendWith(SharedApp.class)
class LearningPagesIT {

  private final URL base = SharedApp.base();

  @Test
  void the_trainers_learning_pages_render_without_serious_violations() throws Exception {
    try (Person trainer =
        Person.logIn(base, "demo", DemoTenants.email("demo", "trainer"), "trainer-home")) {
      List<String> found = new ArrayList<>();
      for (String page : List.of("courses", "assign", "overdue")) {
        trainer.browser().findElement(By.cssSelector("a[id$='menu" + menuId(page) + "']")).click();
        trainer.waitFor(
            Duration.ofSeconds(20), By.cssSelector("h1[data-page='trainer-" + page + "']"));
        Axe.seriousViolations(trainer.browser()).forEach(v -> found.add(page + ": " + v));
      }
      assertEquals(List.of(), found, "serious accessibility violations");
    }
  }

  @Test
  void an_admin_makes_a_group_on_the_groups_page() throws Exception {
    String name = "Browser group " + System.nanoTime();
    try (Person admin =
        Person.logIn(base, "demo", DemoTenants.email("demo", "admin"), "admin-home")) {
      admin.browser().get(base + "admin/groups.xhtml");
      admin.waitFor(Duration.ofSeconds(20), By.cssSelector("h1[data-page='admin-groups']"));
      assertEquals(List.of(), Axe.seriousViolations(admin.browser()), "admin/groups.xhtml");
      admin.browser().findElement(By.id("groups:groupName")).sendKeys(name);
      admin.browser().findElement(By.id("groups:groupCreate")).click();
      admin.waitFor(
          Duration.ofSeconds(20), By.xpath("//td[normalize-space(text())='" + name + "']"));
      for (String page : List.of("assign", "overdue")) {
        admin.browser().get(base + "admin/" + page + ".xhtml");
        admin.waitFor(Duration.ofSeconds(20), By.cssSelector("h1[data-page='admin-" + page + "']"));
        assertEquals(List.of(), Axe.seriousViolations(admin.browser()), page);
      }
    }
  }

  private static String menuId(String page) {
    return switch (page) {
      case "courses" -> "Courses";
      case "assign" -> "Assign";
      default -> "Overdue";
    };
  }
}
