package io.kursfilm.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kursfilm.web.ItEnvironment;
import io.kursfilm.web.identity.Inbox;
import io.kursfilm.web.testing.DemoTenants;
import io.kursfilm.web.testing.Invitations;
import io.kursfilm.web.testing.RestClient;
import io.kursfilm.web.testing.TenantFootprint;
import io.kursfilm.web.video.TestMedia;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The company HostileCorpusIT works in, created for it so that no seeded data changes: an admin, a
 * trainer, a critic and employees whose display names are corpus payloads; an upload left
 * incomplete ({@code {draft}}); and a published video whose title, description, quiz, comment and
 * review comment are corpus payloads ({@code {video}}).
 */
final class HostileCompany {

  private static final String PASSWORD = ItEnvironment.demoPassword();
  private static final Set<String> SETTLING = Set.of("UPLOADING", "UPLOADED", "PROCESSING");

  private final DemoTenants demo;
  private final Inbox inbox;
  private final String slug;
  private final String tenantId;
  private final Map<String, String> tokens = new HashMap<>();
  private final Map<String, HostileRequests.Answer> answers = new HashMap<>();
  private final List<String> employees = new ArrayList<>();
  private String title;
  private String draft;
  private int chunkSize;
  private String video;
  private String quiz;

  private HostileCompany(DemoTenants demo, Inbox inbox, String slug, String tenantId) {
    this.demo = demo;
    this.inbox = inbox;
    this.slug = slug;
    this.tenantId = tenantId;
  }

  static HostileCompany create(
      DemoTenants demo, Inbox inbox, Path media, List<HostileCase> textCases) throws Exception {
    String root = demo.login("platform", "root");
    String slug = "hostile-" + UUID.randomUUID().toString().substring(0, 8);
    RestClient.Reply created =
        demo.createTenant(root, slug, "Hostile Input GmbH", "admin@" + slug + ".example", PASSWORD);
    assertEquals(201, created.status(), created.body());
    HostileCompany company = new HostileCompany(demo, inbox, slug, created.json().getString("id"));
    company.populate(media, textCases);
    return company;
  }

  private void populate(Path media, List<HostileCase> textCases) throws Exception {
    tokens.put("admin", api().login(slug, "admin@" + slug + ".example", PASSWORD));
    RestClient.Reply settings =
        api().put("api/v1/tenant/settings", admin(), DemoTenants.settings(false, true, 1));
    assertEquals(200, settings.status(), settings.body());
    tokens.put("trainer", person("trainer", "Trainer", "TRAINER"));
    tokens.put("critic", person("critic", "Critic", "CRITIC"));
    for (HostileCase c : textCases) {
      if (c.field().equals("display name") && c.never() != null) {
        String who = "employee" + (employees.size() + 1);
        String token = person(who, c.body(), "EMPLOYEE");
        employees.add(who);
        tokens.putIfAbsent("employee", token);
      }
    }
    JsonObject declared =
        api()
            .post(
                "api/v1/videos/uploads",
                trainer(),
                Json.createObjectBuilder().add("title", "Draft").add("size", 1_500_000).build())
            .json();
    draft = declared.getString("id");
    chunkSize = declared.getInt("chunkSize");
    publishVideo(
        media, text(textCases, "video title"), text(textCases, "video description"), textCases);
  }

  private void publishVideo(Path media, String title, String description, List<HostileCase> texts)
      throws Exception {
    this.title = title;
    Path clip = TestMedia.clip(media, "corpus.mp4", "320x240", 2, "corpus");
    RestClient.Reply uploaded =
        api()
            .sendBytes(
                "POST",
                "api/v1/videos?title="
                    + URLEncoder.encode(title, StandardCharsets.UTF_8)
                    + "&description="
                    + URLEncoder.encode(description, StandardCharsets.UTF_8),
                trainer(),
                Files.readAllBytes(clip));
    assertEquals(202, uploaded.status(), uploaded.body());
    video = uploaded.json().getString("id");
    demo.awaitState(trainer(), video, "IN_REVIEW");

    List<String> questions =
        texts.stream()
            .filter(c -> c.field().equals("quiz question"))
            .map(HostileCase::body)
            .toList();
    RestClient.Reply created =
        api()
            .post(
                "api/v1/videos/" + video + "/quiz",
                trainer(),
                quiz(questions, text(texts, "quiz option")));
    assertEquals(201, created.status(), created.body());
    quiz = created.json().getString("id");
    RestClient.Reply comment =
        api()
            .post(
                "api/v1/videos/" + video + "/comments",
                critic(),
                Json.createObjectBuilder()
                    .add("atSecond", 1)
                    .add("text", text(texts, "comment"))
                    .build());
    assertEquals(201, comment.status(), comment.body());
    RestClient.Reply approved =
        demo.decide(critic(), video, "APPROVE", text(texts, "review comment"), null);
    assertEquals(200, approved.status(), approved.body());
    demo.awaitState(trainer(), video, "PUBLISHED");
    List<List<Integer>> answers = questions.stream().map(q -> List.of(1)).toList();
    RestClient.Reply attempt = demo.attempt(employee(), quiz, answers);
    assertEquals(201, attempt.status(), attempt.body());
  }

  private static JsonObject quiz(List<String> questions, String option) {
    JsonArrayBuilder all = Json.createArrayBuilder();
    for (String text : questions) {
      all.add(
          Json.createObjectBuilder()
              .add("type", "SINGLE_CHOICE")
              .add("text", text)
              .add("mandatory", false)
              .add(
                  "options",
                  Json.createArrayBuilder()
                      .add(Json.createObjectBuilder().add("text", option).add("correct", false))
                      .add(Json.createObjectBuilder().add("text", "Yes").add("correct", true))));
    }
    return Json.createObjectBuilder()
        .add("questions", all)
        .add("passMark", 50)
        .add("maxAttempts", 2)
        .add("counting", "BEST")
        .add("shuffleQuestions", false)
        .add("shuffleOptions", false)
        .build();
  }

  private static String text(List<HostileCase> cases, String field) {
    return cases.stream()
        .filter(c -> c.field().equals(field))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no text case for " + field))
        .body();
  }

  /** Invites {@code who} as {@code role}, accepts the mailed invitation and logs in. */
  private String person(String who, String name, String role) throws Exception {
    String email = email(who);
    RestClient.Reply invited = invite(email, name, role);
    assertEquals(201, invited.status(), invited.body());
    Invitations.accept(api(), inbox, slug, email, PASSWORD);
    return api().login(slug, email, PASSWORD);
  }

  RestClient.Reply invite(String email, String name) throws Exception {
    return invite(email, name, "EMPLOYEE");
  }

  private RestClient.Reply invite(String email, String name, String role) throws Exception {
    return Invitations.invite(api(), admin(), email, name, role);
  }

  private String email(String who) {
    return who + "@" + slug + ".example";
  }

  // --- what the corpus runner needs -------------------------------------------------------------

  RestClient api() {
    return demo.api();
  }

  String token(String as) {
    return as.equals("none") ? null : tokens.get(as);
  }

  String admin() {
    return tokens.get("admin");
  }

  String trainer() {
    return tokens.get("trainer");
  }

  String critic() {
    return tokens.get("critic");
  }

  String employee() {
    return tokens.get("employee");
  }

  String video() {
    return video;
  }

  String title() {
    return title;
  }

  int chunkSize() {
    return chunkSize;
  }

  /** Fills the corpus placeholders of {@code text}. */
  String fill(String text) {
    return text == null
        ? null
        : text.replace("{draft}", draft)
            .replace("{video}", video)
            .replace("{random}", UUID.randomUUID().toString())
            .replace("{tenant}", slug)
            .replace("{employee-email}", email(employees.get(0)))
            .replace("{password}", PASSWORD);
  }

  void remember(String caseId, HostileRequests.Answer answer) {
    answers.put(caseId, answer);
  }

  RestClient.Reply lastAnswer(String caseId) {
    HostileRequests.Answer a = answers.get(caseId);
    return new RestClient.Reply(a.status(), a.body(), java.util.Optional.empty());
  }

  TenantFootprint footprint(Set<String> ignoredTables) throws Exception {
    return TenantFootprint.of(tenantId, ignoredTables);
  }

  /**
   * Waits for video {@code id} to settle, checks it ended as {@code c} expects with no object of it
   * left, then deletes it (the rejection itself is a row the trainer sees, until deleted); returns
   * what was wrong, or null.
   */
  String rejectedAndRemoved(HostileCase c, String id) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    JsonObject state = api().get("api/v1/videos/" + id, trainer()).json();
    while (SETTLING.contains(state.getString("state"))) {
      if (System.nanoTime() > deadline) {
        return "still " + state.getString("state") + " after 120 s";
      }
      Thread.sleep(300);
      state = api().get("api/v1/videos/" + id, trainer()).json();
    }
    if (!state.getString("state").equals("REJECTED_INPUT")
        || !c.rejections().contains(state.getString("error", ""))) {
      return "ended " + state;
    }
    List<String> objects = objectsOf(id);
    if (!objects.isEmpty()) {
      return "objects left behind: " + objects;
    }
    int deleted = api().delete("api/v1/videos/" + id, trainer()).status();
    if (deleted >= 300) {
      return "the rejected video cannot be deleted: " + deleted;
    }
    while (api().get("api/v1/videos/" + id, trainer()).status() != 404) {
      if (System.nanoTime() > deadline) {
        return "deleted video still there";
      }
      Thread.sleep(200);
    }
    return null;
  }

  private List<String> objectsOf(String id) throws Exception {
    Path bucket = TenantFootprint.bucket(tenantId);
    if (!Files.isDirectory(bucket)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(bucket)) {
      return files
          .filter(Files::isRegularFile)
          .map(p -> bucket.relativize(p).toString())
          .filter(key -> key.contains(id))
          .toList();
    }
  }

  /** The pages, HTML mails and CSV exports in which the corpus text comes back. */
  HostileSurfaces surfaces() throws Exception {
    Map<String, String> pages = new LinkedHashMap<>();
    page(pages, "trainer", "trainer/video.xhtml?id=" + video);
    page(pages, "trainer", "trainer/quiz.xhtml?video=" + video);
    page(pages, "trainer", "trainer/results.xhtml?video=" + video);
    page(pages, "trainer", "trainer/index.xhtml");
    page(pages, "critic", "critic/review.xhtml?id=" + video);
    page(pages, "critic", "critic/index.xhtml");
    page(pages, "employee", "watch.xhtml?id=" + video);
    page(pages, "employee", "portal/index.xhtml");
    page(pages, "admin", "admin/completion.xhtml?video=" + video);
    page(pages, "admin", "admin/index.xhtml");
    awaitMail(email("critic"));
    List<String> html = new ArrayList<>();
    for (String who : List.of("trainer", "critic", employees.get(0))) {
      for (MimeMessage mail : inbox.mailsTo(email(who))) {
        if (mail.getContent() instanceof MimeMultipart parts) {
          for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (part.isMimeType("text/html")) {
              html.add(part.getContent().toString());
            }
          }
        }
      }
    }
    RestClient.Reply completion = api().get("api/v1/videos/" + video + "/completion/csv", admin());
    assertEquals(200, completion.status(), completion.body());
    RestClient.Reply results = api().get("api/v1/quizzes/" + quiz + "/results.csv", trainer());
    assertEquals(200, results.status(), results.body());
    return new HostileSurfaces(pages, html, completion.body() + "\n" + results.body());
  }

  /** Notification mails are sent asynchronously after the move that caused them. */
  private void awaitMail(String address) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (inbox.mailsTo(address).isEmpty()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no mail to " + address + " within 15 s");
      }
      Thread.sleep(200);
    }
  }

  private void page(Map<String, String> pages, String as, String path) throws Exception {
    RestClient.Reply page = api().get(path, token(as));
    assertEquals(200, page.status(), path + " as " + as);
    pages.put(path + " (" + as + ")", page.body());
  }
}
