package io.kursfilm.web.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kursfilm.web.ItEnvironment;
import io.kursfilm.web.testing.DemoTenants;
import io.kursfilm.web.testing.SharedApp;
import io.kursfilm.web.video.TestMedia;
import jakarta.json.JsonObject;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The quiz promise end to end, each person in their own browser: a trainer builds a quiz with a
 * mandatory question during the video, the critic approves the video with it, an employee answers
 * the question in the player and the one after the video, the trainer sees the result by name, and
 * after the admin turns anonymisation on, as a pseudonym only.
 */
@ExtendWith(SharedApp.class)
class QuizJourneyIT {

  private static final Duration AJAX = Duration.ofSeconds(20);
  private static final String IN_VIDEO = "Which way is the exit?";
  private static final String AFTER = "Helmets are optional on site.";

  final URL base = SharedApp.base();
  @TempDir static Path media;

  private DemoTenants demo;
  private Person person;
  private String id;

  @BeforeAll
  static void s3() throws Exception {
    ItEnvironment.s3();
  }

  @BeforeEach
  void demo() {
    demo = new DemoTenants(base);
  }

  @AfterEach
  void tidy() throws Exception {
    if (person != null) {
      person.close();
    }
    demo.api()
        .put("api/v1/tenant/settings", demo.login("admin"), DemoTenants.settings(false, true, 1));
  }

  @Test
  void trainer_builds_critic_approves_employee_answers_trainer_sees_the_result_then_a_pseudonym()
      throws Exception {
    String title = "Quiz journey " + UUID.randomUUID().toString().substring(0, 8);
    Path clip = TestMedia.clip(media, "quiz-journey.mp4", "640x360", 7, "quiz-journey");
    id = demo.transcoded(demo.login("trainer"), title, clip);

    trainerBuildsTheQuiz();
    criticApprovesTheVideoWithItsQuiz();
    employeeAnswersDuringAndAfterTheVideo();
    String name = trainerSeesTheResultByName();
    adminTurnsAnonymisationOn();
    trainerSeesOnlyAPseudonym(name);
  }

  private void trainerBuildsTheQuiz() throws Exception {
    become("trainer", "trainer-home");
    browser().get(base + "trainer/video.xhtml?id=" + id);
    person.waitFor(AJAX, By.id("quizLink")).click();
    person.waitFor(AJAX, By.cssSelector("h1[data-page='trainer-quiz']"));
    type("quizForm:passMark", "100");

    addQuestion("SINGLE_CHOICE", 0);
    type(question(0, "text"), IN_VIDEO);
    type(question(0, "at"), "0:02");
    click(question(0, "mandatory"));
    type(option(0, 0, "optionText"), "Left");
    type(option(0, 0, "feedback"), "No, that is the store room.");
    type(option(0, 1, "optionText"), "Right");
    click(option(0, 1, "correct"));
    type(option(0, 1, "feedback"), "Yes, next to the ladder.");

    addQuestion("TRUE_FALSE", 1);
    type(question(1, "text"), AFTER);
    click(option(1, 1, "correct"));
    type(option(1, 0, "feedback"), "Never: a helmet is always required.");

    click("quizForm:save");
    person.waitFor(AJAX, By.cssSelector("#savedQuiz[data-quiz-number='1']"));
    person.shot("quiz-journey-editor");

    JsonObject quiz = demo.api().get("api/v1/videos/" + id + "/quiz", demo.login("trainer")).json();
    JsonObject first = quiz.getJsonObject("definition").getJsonArray("questions").getJsonObject(0);
    assertEquals(2, first.getInt("atSecond"));
    assertTrue(first.getBoolean("mandatory"));
  }

  private void criticApprovesTheVideoWithItsQuiz() throws Exception {
    become("critic", "critic-home");
    browser().get(base + "critic/review.xhtml?id=" + id);
    WebElement summary = person.waitFor(AJAX, By.id("quizSummary"));
    assertTrue(summary.getText().contains(IN_VIDEO), summary.getText());
    assertEquals(
        2, browser().findElements(By.cssSelector("#quizSummary .kf-quiz-question")).size());
    browser().findElement(By.id("decisionForm:approve")).click();
    person.waitFor(AJAX, By.cssSelector("#videoState[data-state='PUBLISHED']"));
  }

  private void employeeAnswersDuringAndAfterTheVideo() throws Exception {
    become("employee1", "portal-home");
    person.waitFor(AJAX, By.cssSelector("a.kf-watch[data-video='" + id + "']")).click();
    person.waitFor(AJAX, By.cssSelector("#quiz[data-ready='true']"));
    person.waitForPlayer(5);
    browser().executeScript("var v = document.getElementById('player'); v.muted = true; v.play();");

    WebElement dialog =
        new WebDriverWait(browser(), Duration.ofSeconds(30))
            .withMessage("the player asks the question at 0:02")
            .until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#quizDialog[open]")));
    assertTrue(dialog.getText().contains(IN_VIDEO), dialog.getText());
    assertTrue(
        (Boolean) browser().executeScript("return document.getElementById('player').paused"),
        "the player waits for the answer");
    dialog.findElement(By.xpath(".//label[.='Right']")).click();
    browser().findElement(By.id("quizAnswer")).click();
    WebElement feedback = person.waitFor(AJAX, By.cssSelector("#quizFeedback[data-right='true']"));
    assertTrue(feedback.getText().contains("Yes, next to the ladder."), feedback.getText());
    browser().findElement(By.id("quizContinue")).click();

    WebElement form =
        new WebDriverWait(browser(), Duration.ofSeconds(60))
            .withMessage("the question after the video appears when it ends")
            .until(ExpectedConditions.visibilityOfElementLocated(By.id("quizFinal")));
    assertTrue(form.getText().contains(AFTER), form.getText());
    form.findElement(By.xpath(".//fieldset[@id='quizFinal-1']//label[.='False']")).click();
    browser().findElement(By.id("quizSubmit")).click();
    person.waitFor(Duration.ofSeconds(30), By.cssSelector("h1[data-page='quiz-result']"));
    assertEquals("100", browser().findElement(By.id("resultScore")).getAttribute("data-score"));
    person.shot("quiz-journey-result");
  }

  private String trainerSeesTheResultByName() throws Exception {
    become("trainer", "trainer-home");
    List<String> participants = participantsOnTheResultsPage();
    assertEquals(1, participants.size(), participants.toString());
    String name = participants.get(0);
    assertFalse(name.startsWith("P-"), "names while not anonymised: " + name);
    String row = browser().findElement(By.cssSelector("#resultsTable tr.kf-result-row")).getText();
    assertTrue(row.contains("100"), row);
    person.shot("quiz-journey-results-named");
    return name;
  }

  private void adminTurnsAnonymisationOn() throws Exception {
    become("admin", "admin-home");
    browser().get(base + "admin/settings.xhtml");
    WebElement box =
        person.waitFor(AJAX, By.cssSelector("#settingsForm\\:anonymiseResults .ui-chkbox-box"));
    if (!box.getAttribute("class").contains("ui-state-active")) {
      box.click();
    }
    browser().findElement(By.id("settingsForm:save")).click();
    new WebDriverWait(browser(), AJAX)
        .ignoring(StaleElementReferenceException.class)
        .until(d -> !d.findElement(By.id("settingsForm:messages")).getText().isBlank());
    JsonObject settings = demo.api().get("api/v1/tenant/settings", demo.login("admin")).json();
    assertTrue(settings.getBoolean("anonymiseResults"), settings.toString());
  }

  private void trainerSeesOnlyAPseudonym(String name) throws Exception {
    become("trainer", "trainer-home");
    List<String> participants = participantsOnTheResultsPage();
    person.waitFor(AJAX, By.id("resultsAnonymised"));
    assertEquals(1, participants.size(), participants.toString());
    assertTrue(participants.get(0).startsWith("P-"), participants.get(0));
    String page = browser().getPageSource();
    assertFalse(page.contains(name), "the name is nowhere on the page");
    assertFalse(page.contains(DemoTenants.email("demo", "employee1")), "nor the e-mail");
    person.shot("quiz-journey-results-anonymised");
  }

  private List<String> participantsOnTheResultsPage() {
    browser().get(base + "trainer/video.xhtml?id=" + id);
    person.waitFor(AJAX, By.id("resultsLink")).click();
    person.waitFor(AJAX, By.cssSelector("h1[data-page='trainer-results']"));
    return browser().findElements(By.cssSelector("#resultsTable .kf-participant")).stream()
        .map(WebElement::getText)
        .toList();
  }

  // --- the quiz editor ---------------------------------------------------------------------

  private void addQuestion(String type, int index) {
    new Select(browser().findElement(By.id("quizForm:newType"))).selectByValue(type);
    click("quizForm:addQuestion");
    person.waitFor(
        AJAX,
        By.cssSelector(
            "fieldset.kf-question[data-question='" + index + "'][data-type='" + type + "']"));
  }

  private static String question(int question, String field) {
    return "quizForm:questions:" + question + ":" + field;
  }

  private static String option(int question, int option, String field) {
    return question(question, "options:" + option + ":" + field);
  }

  /** Types into a field the editor's last ajax update may have rendered again. */
  private void type(String fieldId, String text) {
    new WebDriverWait(browser(), AJAX)
        .ignoring(StaleElementReferenceException.class)
        .until(
            d -> {
              WebElement field = d.findElement(By.id(fieldId));
              field.clear();
              field.sendKeys(text);
              return true;
            });
  }

  private void click(String elementId) {
    new WebDriverWait(browser(), AJAX)
        .ignoring(StaleElementReferenceException.class)
        .until(
            d -> {
              d.findElement(By.id(elementId)).click();
              return true;
            });
  }

  private void become(String who, String startPage) throws Exception {
    if (person != null) {
      person.close();
    }
    person = Person.logIn(base, "demo", DemoTenants.email("demo", who), startPage);
  }

  private org.openqa.selenium.chrome.ChromeDriver browser() {
    return person.browser();
  }
}
