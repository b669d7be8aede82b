package io.kursfilm.web.journey;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * axe-core (from npm, unpacked into the test classes by the build) run inside the page the browser
 * shows: the WCAG 2.x A and AA rules, contrast included. Only what axe rates serious or critical
 * counts as a failure; minor and moderate findings are reported in the message, not judged.
 */
public final class Axe {

  private static final String SCRIPT = load();

  private Axe() {}

  /** The serious and critical violations on the current page, one line each (rule: targets). */
  @SuppressWarnings("unchecked")
  public static List<String> seriousViolations(WebDriver driver) {
    JavascriptExecutor js = (JavascriptExecutor) driver;
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object';"))) {
      js.executeScript(SCRIPT);
    }
    Object result =
        js.executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag',"
                + " values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
                + ".then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact,"
                + " targets: v.nodes.map(n => n.target.join(' ')).join(', ')}))))"
                + ".catch(e => done([{id: 'axe-error', impact: 'critical', targets: String(e)}]));");
    List<String> serious = new ArrayList<>();
    for (Map<String, Object> violation : (List<Map<String, Object>>) result) {
      Object impact = violation.get("impact");
      if ("serious".equals(impact) || "critical".equals(impact)) {
        serious.add(violation.get("id") + " (" + impact + "): " + violation.get("targets"));
      }
    }
    return serious;
  }

  private static String load() {
    try (InputStream in = Axe.class.getResourceAsStream("/axe/axe.min.js")) {
      if (in == null) {
        throw new IllegalStateException("axe/axe.min.js missing: the build unpacks it from npm");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
