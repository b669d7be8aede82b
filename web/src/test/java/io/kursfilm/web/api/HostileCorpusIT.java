package io.kursfilm.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kursfilm.web.ItEnvironment;
import io.kursfilm.web.identity.Inbox;
import io.kursfilm.web.testing.DemoTenants;
import io.kursfilm.web.testing.ReliabilityReport;
import io.kursfilm.web.testing.RestClient;
import io.kursfilm.web.testing.SharedApp;
import io.kursfilm.web.testing.TenantFootprint;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hostile input corpus (src/test/resources/hostile/corpus.json) against the shipped war,
 * black-box: every case must get a clear refusal (a 4xx with the API's {@code {"error","message"}}
 * body, or REJECTED_INPUT for media only the probe can judge) within the client timeout, and leave
 * nothing behind: per category, the company's rows, bucket objects and the app's work files are the
 * same before and after. Text the API takes on purpose (XSS in titles, quiz text, comments, names)
 * must come back escaped in pages and HTML mails and neutralised in CSV. Runs in a company of its
 * own, so the demo companies other tests rely on stay as they are.
 */
@ExtendWith(SharedApp.class)
class HostileCorpusIT {

  private static final long MAX_UPLOAD =
      Long.parseLong(System.getProperty("kursfilm.it.max-upload"));

  /** Logins open sessions: not a leftover of the input. */
  private static final Set<String> SESSIONS = Set.of("api_session");

  /**
   * Where a case is taken for probing and the test then deletes the rejected video, or a case logs
   * in, the audit log rightly records it (upload, rejection, deletion, login): not a leftover.
   */
  private static final Set<String> SESSIONS_AND_AUDIT = Set.of("api_session", "audit_entry");

  @TempDir static Path media;

  private static Inbox inbox;
  private static HostileCompany company;
  private static HostileRequests requests;
  private static final List<HostileCase> CASES = HostileCase.all();
  private static final Map<String, Tally> TALLIES = new TreeMap<>();
  private static long classStarted;

  /** What a category's run found, for the report. */
  private record Tally(
      int cases, Map<String, Integer> outcomes, String slowest, Duration took, String checked) {}

  @BeforeAll
  static void company() throws Exception {
    classStarted = System.nanoTime();
    ItEnvironment.s3();
    inbox = new Inbox(Integer.parseInt(System.getProperty("kursfilm.it.mail.port")));
    company = HostileCompany.create(new DemoTenants(SharedApp.base()), inbox, media, textCases());
    requests = new HostileRequests(SharedApp.base(), media, MAX_UPLOAD, company.chunkSize());
  }

  @AfterAll
  static void report() {
    if (inbox != null) {
      inbox.stop();
    }
    if (TALLIES.size() == categories().size()) {
      writeReport();
    }
  }

  @Test
  void the_corpus_has_at_least_60_cases_over_every_category() {
    assertTrue(CASES.size() >= 60, "only " + CASES.size() + " cases");
    assertEquals(
        Set.of("upload", "media", "json", "headers", "traversal", "text"),
        categories(),
        "categories");
    assertEquals(CASES.size(), CASES.stream().map(HostileCase::id).distinct().count(), "ids");
  }

  @Test
  void hostile_uploads_are_refused_and_leave_nothing_behind() throws Exception {
    run("upload", SESSIONS_AND_AUDIT);
  }

  @Test
  void bad_media_ends_rejected_and_leaves_nothing_behind() throws Exception {
    run("media", SESSIONS_AND_AUDIT);
  }

  @Test
  void hostile_json_is_refused_and_unknown_fields_are_never_assigned() throws Exception {
    run("json", SESSIONS_AND_AUDIT);
    JsonObject settings = company.api().get("api/v1/tenant/settings", company.admin()).json();
    assertEquals(
        MAX_UPLOAD, settings.getJsonNumber("platformMaxUploadBytes").longValue(), "json-24");
    assertEquals(
        MAX_UPLOAD, settings.getJsonNumber("effectiveMaxUploadBytes").longValue(), "json-24");
    assertTrue(
        company.lastAnswer("json-25").body().contains("roles"),
        "json-25 names the field it refused");
  }

  @Test
  void hostile_headers_and_ranges_are_refused() throws Exception {
    run("headers", SESSIONS);
  }

  @Test
  void path_traversal_in_hls_and_caption_urls_is_refused() throws Exception {
    run("traversal", SESSIONS);
  }

  @Test
  void stored_text_comes_back_escaped_in_pages_mails_and_csv() throws Exception {
    long started = System.nanoTime();
    TenantFootprint before = company.footprint(SESSIONS);
    Map<String, Integer> outcomes = new TreeMap<>();
    for (HostileCase c : textCases()) {
      if (!c.expect().isEmpty()) {
        // Refused at the door: an invitation with this name.
        RestClient.Reply refused =
            company.invite("refused-" + c.id() + "@hostile.example", c.body());
        assertTrue(c.accepts(refused.status()), c + ": " + refused);
        assertTrue(refused.json().containsKey("error"), c + ": " + refused.body());
        outcomes.merge(String.valueOf(refused.status()), 1, Integer::sum);
      }
    }
    assertEquals("", before.leftBy(company.footprint(SESSIONS)), "refused names left rows behind");

    HostileSurfaces surfaces = company.surfaces();
    for (HostileCase c : textCases()) {
      if (c.never() == null) {
        continue;
      }
      List<String> raw = surfaces.containing(c.never());
      assertEquals(List.of(), raw, c + ": unescaped in");
      assertFalse(surfaces.showing(c.shown()).isEmpty(), c + ": shown escaped nowhere");
      if (c.field().equals("video title")) {
        // The critic's "new in review" mail names the video.
        assertTrue(
            surfaces.mailHtml().stream().anyMatch(m -> m.contains(c.shown())),
            c + ": not in an HTML mail, escaped: " + surfaces.mailHtml());
      }
      if (c.csv() != null) {
        assertTrue(
            surfaces.csvHas("\"" + c.csv()), c + ": not neutralised in CSV " + surfaces.csv());
        assertFalse(surfaces.csvHas("\"" + c.csv().substring(1)), c + ": formula in CSV");
      }
      outcomes.merge("ESCAPED", 1, Integer::sum);
    }
    assertEquals(
        company.title(),
        company
            .api()
            .get("api/v1/videos/" + company.video(), company.trainer())
            .json()
            .getString("title"),
        "stored as given");
    TALLIES.put(
        "text",
        new Tally(
            textCases().size(),
            outcomes,
            "-",
            Duration.ofNanos(System.nanoTime() - started),
            surfaces.summary()));
  }

  // --- running a category ---------------------------------------------------------------------

  private void run(String category, Set<String> ignored) throws Exception {
    long started = System.nanoTime();
    TenantFootprint before = company.footprint(ignored);
    Map<String, Integer> outcomes = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    Map<HostileCase, String> probed = new LinkedHashMap<>();
    String slowest = "-";
    Duration slowestTook = Duration.ZERO;
    for (HostileCase c : CASES) {
      if (!c.category().equals(category)) {
        continue;
      }
      HostileRequests.Answer answer;
      try {
        answer = requests.send(c, company::fill, company.token(c.as()));
      } catch (AssertionError | Exception e) {
        failures.add(c + ": " + e);
        continue;
      }
      company.remember(c.id(), answer);
      if (answer.took().compareTo(slowestTook) > 0) {
        slowestTook = answer.took();
        slowest = c.id();
      }
      String problem = problem(c, answer);
      if (problem != null) {
        failures.add(c + ": " + problem);
      } else if (answer.status() / 100 == 2 && !c.rejections().isEmpty()) {
        probed.put(
            c, Json.createReader(new StringReader(answer.body())).readObject().getString("id"));
      } else {
        outcomes.merge(String.valueOf(answer.status()), 1, Integer::sum);
      }
    }
    for (var p : probed.entrySet()) {
      String problem = company.rejectedAndRemoved(p.getKey(), p.getValue());
      if (problem != null) {
        failures.add(p.getKey() + ": " + problem);
      } else {
        outcomes.merge("REJECTED_INPUT", 1, Integer::sum);
      }
    }
    assertEquals(List.of(), failures, category + " cases without a clear refusal");
    TenantFootprint after = company.footprint(ignored);
    assertEquals("", before.leftBy(after), category + " left behind");
    int count = (int) CASES.stream().filter(c -> c.category().equals(category)).count();
    TALLIES.put(
        category,
        new Tally(
            count,
            outcomes,
            slowest + " (" + slowestTook.toMillis() + " ms)",
            Duration.ofNanos(System.nanoTime() - started),
            after.rows().size()
                + " tables, "
                + after.objects().size()
                + " objects, "
                + after.workFiles().size()
                + " work files: unchanged"));
  }

  /** Why {@code answer} is not the clear refusal {@code c} expects; null when it is. */
  private static String problem(HostileCase c, HostileRequests.Answer answer) {
    String body = answer.body();
    if (body.contains("root:x:0:0")
        || body.contains("Exception")
        || body.contains("at io.kursfilm")) {
      return answer.status() + " leaks: " + HostileRequests.abbreviate(body);
    }
    if (!c.accepts(answer.status())) {
      return "answered " + answer.status() + ": " + HostileRequests.abbreviate(body);
    }
    if (answer.status() < 400 || c.plain()) {
      return null;
    }
    if (answer.status() == 416) {
      return answer.head().contains("content-range: bytes */") ? null : "416 without Content-Range";
    }
    try {
      JsonObject error = Json.createReader(new StringReader(body)).readObject();
      return error.containsKey("error") && error.containsKey("message")
          ? null
          : "no {error,message}: " + body;
    } catch (RuntimeException notJson) {
      return answer.status() + " without the API's error body: " + HostileRequests.abbreviate(body);
    }
  }

  private static List<HostileCase> textCases() {
    return CASES.stream().filter(c -> c.category().equals("text")).toList();
  }

  private static Set<String> categories() {
    return CASES.stream()
        .map(HostileCase::category)
        .collect(Collectors.toCollection(java.util.TreeSet::new));
  }

  private static void writeReport() {
    StringBuilder body = new StringBuilder();
    int total = TALLIES.values().stream().mapToInt(Tally::cases).sum();
    body.append("The hostile input corpus (`web/src/test/resources/hostile/corpus.json`, ")
        .append(total)
        .append(" cases) against the shipped war (`HostileCorpusIT`), in a company of its own. ")
        .append("A case passes with a clear refusal (a 4xx with the API's error body, 416 with ")
        .append(
            "`Content-Range`, or `REJECTED_INPUT` once the probe has judged the media) and, per ")
        .append("category, nothing left behind: the company's rows per tenant table, its bucket ")
        .append("objects and the app's transcode work files are the same before and after. Text ")
        .append("taken on purpose must come back escaped.\n\n");
    body.append(
        ReliabilityReport.row(
            "Category", "Cases", "Outcomes", "Left behind (checked)", "Slowest case", "Time"));
    body.append(ReliabilityReport.row("---", "---:", "---", "---", "---", "---:"));
    TALLIES.forEach(
        (category, t) ->
            body.append(
                ReliabilityReport.row(
                    category,
                    t.cases(),
                    t.outcomes().entrySet().stream()
                        .map(e -> e.getKey() + " × " + e.getValue())
                        .collect(Collectors.joining(", ")),
                    t.checked(),
                    t.slowest(),
                    t.took().toMillis() + " ms")));
    body.append(
            "\nWall time of the class with its set-up (a company, six people, a published video), the shared app already running: ")
        .append(Duration.ofNanos(System.nanoTime() - classStarted).toSeconds())
        .append(" s.\n");
    ReliabilityReport.section("20-hostile-input.md", "Hostile inputs", body.toString());
  }
}
