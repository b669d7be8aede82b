package io.kursfilm.web.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kursfilm.web.ItEnvironment;
import io.kursfilm.web.testing.DemoTenants;
import io.kursfilm.web.testing.SharedApp;
import io.kursfilm.web.video.TestMedia;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The trainer's quiz editor in a real browser: a trainer builds a quiz of every question type for a
 * video in review, with an in-video mandatory question, and saves it; the REST API shows exactly
 * what was entered. A quiz the boundary refuses is named on the page, keeps the trainer's input and
 * stores nothing. The critic then sees the quiz with its right answers beside the video.
 */
@ExtendWith(SharedApp.class)
class QuizEditorJourneyIT {

  private static final Duration AJAX = Duration.ofSeconds(20);

  private final URL base = SharedApp.base();
  private final DemoTenants demo = new DemoTenants(base);

  @TempDir static Path media;
  private ChromeDriver browser;
  private String id;

  @BeforeAll
  static void s3() throws Exception {
    ItEnvironment.s3();
  }

  @AfterEach
  void quit() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void trainer_builds_a_quiz_of_every_type_critic_sees_it_with_the_right_answers()
      throws Exception {
    String title = "Quiz editor " + UUID.randomUUID().toString().substring(0, 8);
    Path clip = TestMedia.clip(media, "quiz.mp4", "640x360", 8, "quiz-editor-journey");
    id = demo.transcoded(demo.login("trainer"), title, clip);

    trainerBuildsAndSavesTheQuiz();
    theApiShowsExactlyWhatWasEntered();
    aRefusedQuizIsNamedKeepsTheInputAndStoresNothing();
    criticSeesTheQuizWithItsRightAnswers();
  }

  @Test
  void an_unknown_video_has_no_quiz_editor() throws Exception {
    logIn("trainer", "trainer-home");
    browser.get(base + "trainer/quiz.xhtml?video=" + UUID.randomUUID());
    assertEquals("Video not found", waitFor(By.id("pageTitle")).getText());
    assertTrue(browser.findElements(By.id("quizForm")).isEmpty());
  }

  private void trainerBuildsAndSavesTheQuiz() throws Exception {
    logIn("trainer", "trainer-home");
    browser.get(base + "trainer/video.xhtml?id=" + id);
    assertEquals("No quiz yet", waitFor(By.id("quizStatus")).getText());
    browser.findElement(By.id("quizLink")).click();
    waitFor(By.cssSelector("h1[data-page='trainer-quiz']"));

    type("quizForm:passMark", "70");
    type("quizForm:maxAttempts", "4");
    new Select(browser.findElement(By.id("quizForm:counting"))).selectByValue("LAST");
    browser.findElement(By.id("quizForm:shuffleQuestions")).click();

    addQuestion("SINGLE_CHOICE", 0);
    type(q(0, "text"), "What covers the speaker?");
    type(q(0, "at"), "0:02");
    browser.findElement(By.id(q(0, "mandatory"))).click();
    type(o(0, 0, "optionText"), "The logo");
    browser.findElement(By.id(o(0, 0, "correct"))).click();
    type(o(0, 0, "feedback"), "Right, the logo.");
    type(o(0, 1, "optionText"), "A plant");
    type(o(0, 1, "feedback"), "Look again at 0:02.");

    addQuestion("MULTIPLE_CHOICE", 1);
    type(q(1, "text"), "Which are colours?");
    click(q(1, "addOption"), By.id(o(1, 2, "optionText")));
    type(o(1, 0, "optionText"), "Red");
    type(o(1, 1, "optionText"), "Loud");
    type(o(1, 2, "optionText"), "Blue");
    browser.findElement(By.id(o(1, 0, "correct"))).click();
    browser.findElement(By.id(o(1, 2, "correct"))).click();
    type(o(1, 1, "feedback"), "Loud is a sound.");

    // Added as single choice, then switched: the switch brings the two localised statements.
    addQuestion("SINGLE_CHOICE", 2);
    type(q(2, "text"), "The video is in colour.");
    new Select(browser.findElement(By.id(q(2, "type")))).selectByValue("TRUE_FALSE");
    new WebDriverWait(browser, AJAX)
        .ignoring(StaleElementReferenceException.class)
        .until(
            d -> "True".equals(d.findElement(By.id(o(2, 0, "optionText"))).getAttribute("value")));
    assertEquals("False", value(o(2, 1, "optionText")));
    assertEquals("The video is in colour.", value(q(2, "text")), "the switch keeps the text");
    assertTrue(browser.findElements(By.id(q(2, "addOption"))).isEmpty(), "always two options");
    browser.findElement(By.id(o(2, 0, "correct"))).click();
    type(o(2, 1, "feedback"), "It is in colour.");

    addQuestion("ORDERING", 3);
    assertTrue(browser.findElements(By.id(o(3, 0, "correct"))).isEmpty(), "no right flags");
    type(q(3, "text"), "Put the steps in order");
    click(q(3, "addOption"), By.id(o(3, 2, "optionText")));
    type(o(3, 0, "optionText"), "Plan");
    type(o(3, 1, "optionText"), "Record");
    type(o(3, 2, "optionText"), "Cut");
    type(o(3, 2, "feedback"), "Cutting comes last.");
    // Entered out of order on purpose, then moved: "Record" goes below "Cut".
    click(
        o(3, 1, "optionDown"),
        By.xpath("//input[@id='" + o(3, 2, "optionText") + "'][@value='Record']"));
    assertEquals("Cut", value(o(3, 1, "optionText")));
    assertEquals("Cutting comes last.", value(o(3, 1, "feedback")), "feedback moves with it");

    browser.findElement(By.id("quizForm:save")).click();
    WebElement saved = waitFor(By.cssSelector("#savedQuiz[data-quiz-number='1']"));
    assertEquals("true", saved.getAttribute("data-back-to-review"));
    String message = browser.findElement(By.id("quizForm:quizMessages")).getText();
    assertTrue(message.contains("Saved as quiz version 1"), message);
    assertTrue(message.contains("goes to review"), message);
    assertEquals(4, browser.findElements(By.cssSelector("#quizSummary .kf-quiz-question")).size());
    assertEquals("Cut", value(o(3, 1, "optionText")), "the editor shows what was stored");

    browser.findElement(By.id("backToVideo")).click();
    assertEquals("1", waitFor(By.id("quizStatus")).getAttribute("data-quiz-number"));
  }

  private void theApiShowsExactlyWhatWasEntered() throws Exception {
    JsonObject quiz = storedQuiz();
    assertEquals(1, quiz.getInt("number"));
    JsonObject d = quiz.getJsonObject("definition");
    assertEquals(70, d.getInt("passMark"));
    assertEquals(4, d.getInt("maxAttempts"));
    assertEquals("LAST", d.getString("counting"));
    assertTrue(d.getBoolean("shuffleQuestions"));
    assertFalse(d.getBoolean("shuffleOptions"));
    JsonArray questions = d.getJsonArray("questions");
    assertEquals(4, questions.size());

    JsonObject single = questions.getJsonObject(0);
    assertEquals("SINGLE_CHOICE", single.getString("type"));
    assertEquals("What covers the speaker?", single.getString("text"));
    assertEquals(2, single.getInt("atSecond"));
    assertTrue(single.getBoolean("mandatory"));
    assertOptions(
        single,
        List.of("The logo", "A plant"),
        List.of(true, false),
        List.of("Right, the logo.", "Look again at 0:02."));

    JsonObject multiple = questions.getJsonObject(1);
    assertEquals("MULTIPLE_CHOICE", multiple.getString("type"));
    assertQuestionAfterTheVideo(multiple);
    assertOptions(
        multiple,
        List.of("Red", "Loud", "Blue"),
        List.of(true, false, true),
        Arrays.asList(null, "Loud is a sound.", null));

    JsonObject trueFalse = questions.getJsonObject(2);
    assertEquals("TRUE_FALSE", trueFalse.getString("type"));
    assertEquals("The video is in colour.", trueFalse.getString("text"));
    assertQuestionAfterTheVideo(trueFalse);
    assertOptions(
        trueFalse,
        List.of("True", "False"),
        List.of(true, false),
        Arrays.asList(null, "It is in colour."));

    JsonObject ordering = questions.getJsonObject(3);
    assertEquals("ORDERING", ordering.getString("type"));
    assertQuestionAfterTheVideo(ordering);
    assertOptions(
        ordering,
        List.of("Plan", "Cut", "Record"),
        List.of(false, false, false),
        Arrays.asList(null, "Cutting comes last.", null));

    JsonObject video = demo.api().get("api/v1/videos/" + id, demo.login("trainer")).json();
    assertEquals(2, video.getInt("version"), "the version in review was replaced");
    assertEquals("IN_REVIEW", video.getString("state"));
  }

  private void aRefusedQuizIsNamedKeepsTheInputAndStoresNothing() throws Exception {
    browser.get(base + "trainer/quiz.xhtml?video=" + id);
    waitFor(By.id(q(3, "text")));
    addQuestion("SINGLE_CHOICE", 4);
    type(q(4, "text"), "Nobody knows the answer");
    type(o(4, 0, "optionText"), "This");
    type(o(4, 1, "optionText"), "That");
    type("quizForm:passMark", "85");
    browser.findElement(By.id("quizForm:save")).click();
    new WebDriverWait(browser, AJAX)
        .withMessage("the refusal is named on the page")
        .ignoring(StaleElementReferenceException.class)
        .until(
            d ->
                d.findElement(By.id("quizForm:quizMessages"))
                    .getText()
                    .contains("Not saved. Question 5: exactly one option must be right"));
    assertTrue(
        browser.findElements(By.cssSelector("#quizForm\\:quizMessages .ui-messages-error")).size()
            == 1,
        "shown as an error");
    assertEquals("Nobody knows the answer", value(q(4, "text")));
    assertEquals("That", value(o(4, 1, "optionText")));
    assertEquals("85", value("quizForm:passMark"));
    assertEquals("1", browser.findElement(By.id("savedQuiz")).getAttribute("data-quiz-number"));

    JsonObject noRightOption =
        Json.createObjectBuilder()
            .add(
                "questions",
                Json.createArrayBuilder()
                    .add(
                        Json.createObjectBuilder()
                            .add("type", "SINGLE_CHOICE")
                            .add("text", "Nobody knows the answer")
                            .add(
                                "options",
                                Json.createArrayBuilder()
                                    .add(Json.createObjectBuilder().add("text", "This"))
                                    .add(Json.createObjectBuilder().add("text", "That")))
                            .add("mandatory", false)))
            .add("passMark", 85)
            .add("maxAttempts", 4)
            .add("counting", "LAST")
            .add("shuffleQuestions", false)
            .add("shuffleOptions", false)
            .build();
    var twin =
        demo.api().post("api/v1/videos/" + id + "/quiz", demo.login("trainer"), noRightOption);
    assertEquals(400, twin.status(), "the REST twin refuses it as bad input: " + twin.body());

    JsonObject quiz = storedQuiz();
    assertEquals(1, quiz.getInt("number"), "nothing new is stored");
    assertEquals(70, quiz.getJsonObject("definition").getInt("passMark"));
  }

  private void criticSeesTheQuizWithItsRightAnswers() throws Exception {
    logIn("critic", "critic-home");
    browser.get(base + "critic/review.xhtml?id=" + id);
    WebElement summary = waitFor(By.cssSelector("#quizSummary[data-quiz-number='1']"));
    List<WebElement> questions = summary.findElements(By.cssSelector(".kf-quiz-question"));
    assertEquals(
        List.of("SINGLE_CHOICE", "MULTIPLE_CHOICE", "TRUE_FALSE", "ORDERING"),
        questions.stream().map(e -> e.getAttribute("data-type")).toList());
    WebElement first = questions.get(0);
    assertEquals("0:02", first.getAttribute("data-at"));
    assertEquals("true", first.getAttribute("data-mandatory"));
    assertTrue(first.getText().contains("During the video at 0:02"), first.getText());
    assertTrue(first.getText().contains("Mandatory"), first.getText());
    assertTrue(first.getText().contains("Look again at 0:02."), "feedback is shown");
    assertEquals(
        List.of("The logo", "Red", "Blue", "True"),
        summary.findElements(By.cssSelector(".kf-quiz-option[data-correct='true']")).stream()
            .map(e -> e.findElement(By.cssSelector(".kf-quiz-option-text")).getText())
            .toList());
    assertTrue(
        summary.findElements(By.cssSelector(".kf-quiz-right-mark")).stream()
            .allMatch(e -> e.getText().contains("right")));
    assertEquals(
        List.of("Plan", "Cut", "Record"),
        questions.get(3).findElements(By.cssSelector(".kf-quiz-option-text")).stream()
            .map(WebElement::getText)
            .toList());
    WebElement settings = summary.findElement(By.id("quizSettings"));
    assertEquals("70", settings.getAttribute("data-pass-mark"));
    assertEquals("4", settings.getAttribute("data-max-attempts"));
    assertEquals("LAST", settings.getAttribute("data-counting"));
    assertTrue(settings.getText().contains("The last"), settings.getText());
  }

  private JsonObject storedQuiz() throws Exception {
    var reply = demo.api().get("api/v1/videos/" + id + "/quiz", demo.login("trainer"));
    assertEquals(200, reply.status(), reply.body());
    return reply.json();
  }

  private static void assertQuestionAfterTheVideo(JsonObject question) {
    assertTrue(!question.containsKey("atSecond") || question.isNull("atSecond"), "" + question);
    assertFalse(question.getBoolean("mandatory"));
  }

  private static void assertOptions(
      JsonObject question, List<String> texts, List<Boolean> right, List<String> feedback) {
    JsonArray options = question.getJsonArray("options");
    assertEquals(texts.size(), options.size(), "" + question);
    for (int i = 0; i < options.size(); i++) {
      JsonObject option = options.getJsonObject(i);
      assertEquals(texts.get(i), option.getString("text"), "" + question);
      assertEquals(right.get(i), option.getBoolean("correct"), "" + question);
      String stored =
          option.containsKey("feedback") && !option.isNull("feedback")
              ? option.getString("feedback")
              : null;
      assertEquals(feedback.get(i), stored, "" + question);
    }
  }

  private static String q(int question, String field) {
    return "quizForm:questions:" + question + ":" + field;
  }

  private static String o(int question, int option, String field) {
    return "quizForm:questions:" + question + ":options:" + option + ":" + field;
  }

  /** Chooses the new question's type and adds it; it is the question at {@code index}. */
  private void addQuestion(String type, int index) {
    new Select(browser.findElement(By.id("quizForm:newType"))).selectByValue(type);
    click(
        "quizForm:addQuestion",
        By.cssSelector(
            "fieldset.kf-question[data-question='" + index + "'][data-type='" + type + "']"));
  }

  /** Clicks an ajax button and waits for what its answer renders. */
  private void click(String button, By rendered) {
    browser.findElement(By.id(button)).click();
    new WebDriverWait(browser, AJAX)
        .withMessage(() -> button + " did not render " + rendered)
        .until(ExpectedConditions.presenceOfElementLocated(rendered));
  }

  private void type(String field, String text) {
    WebElement input = browser.findElement(By.id(field));
    input.clear();
    input.sendKeys(text);
  }

  private String value(String field) {
    return browser.findElement(By.id(field)).getAttribute("value");
  }

  private void logIn(String who, String startPage) throws Exception {
    if (browser != null) {
      browser.quit();
    }
    browser = Browser.start("en");
    browser.get(base + "login.xhtml");
    browser.findElement(By.id("login:tenant")).sendKeys("demo");
    browser.findElement(By.id("login:email")).sendKeys(DemoTenants.email("demo", who));
    browser.findElement(By.id("login:password")).sendKeys(ItEnvironment.demoPassword());
    browser.findElement(By.id("login:submit")).click();
    waitFor(By.cssSelector("h1[data-page='" + startPage + "']"));
  }

  private WebElement waitFor(By what) {
    return new WebDriverWait(browser, Duration.ofSeconds(30))
        .until(ExpectedConditions.presenceOfElementLocated(what));
  }
}
