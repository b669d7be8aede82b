package io.kursfilm.web.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kursfilm.web.ItEnvironment;
import io.kursfilm.web.testing.DemoTenants;
import io.kursfilm.web.testing.RestClient;
import io.kursfilm.web.testing.SharedApp;
import io.kursfilm.web.video.TestMedia;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An employee takes a video's quiz in the browser: the player stops at the mandatory question at
 * 0:02 and will not be seeked past it, the answer's feedback shows at once, a reload resumes the
 * attempt without asking again, the questions after the video are answered in a form and submitted,
 * and the result page shows score and feedback. Checked on the page and through the REST API,
 * including that the one allowed attempt is used up.
 */
@ExtendWith(SharedApp.class)
class QuizTakingJourneyIT {

  private static final String IN_VIDEO = "Which exit is nearest to the machine?";
  private static final String EXIT_FEEDBACK = "Yes, behind the blue door";
  private static final String KIT_FEEDBACK = "Plasters belong in it";

  @TempDir static Path media;
  private final URL base = SharedApp.base();
  private ChromeDriver browser;
  private String videoId;
  private String quizId;

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
  void employee_answers_during_and_after_the_video_resumes_after_a_reload_and_sees_the_result()
      throws Exception {
    publishedVideoWithQuiz();
    logIn("employee1");
    assertEquals("NOT_STARTED", statusInPortal());

    watch();
    play();
    WebElement dialog = waitForQuestion();
    assertTrue(paused(), "the player pauses for the question");
    double at = currentTime();
    assertTrue(at > 1.5 && at < 2.6, "paused at 0:02, not " + at);
    assertEquals(IN_VIDEO, dialog.findElement(By.cssSelector("legend")).getText());
    assertTrue(
        activeId().startsWith("quizOption-"), "focus moves into the dialog, not " + activeId());
    shot("quiz-in-video-question");

    browser.switchTo().activeElement().sendKeys(Keys.ESCAPE);
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .withMessage("Escape closes the dialog")
        .until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#quizDialog[open]"), 0));
    assertTrue(paused(), "a mandatory question left unanswered keeps the player before it");
    browser.executeScript("document.getElementById('player').currentTime = 5;");
    waitForQuestion();
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .withMessage("seeking past the mandatory question returns to it")
        .until(d -> currentTime() < 2.6);

    answerTheQuestionInTheVideo();
    new WebDriverWait(browser, Duration.ofSeconds(20))
        .withMessage("playback continues after the answer")
        .until(d -> !paused() && currentTime() > 2.5);

    browser.navigate().refresh();
    waitForQuiz();
    assertEquals("Attempt 1 of 1.", browser.findElement(By.id("quizStatus")).getText());
    assertEquals("IN_PROGRESS", attemptStatus());
    play();
    WebElement form =
        new WebDriverWait(browser, Duration.ofSeconds(60))
            .withMessage(
                () ->
                    "after a reload the answered question is not asked again; the video ends: "
                        + playerState())
            .until(ExpectedConditions.visibilityOfElementLocated(By.id("quizFinal")));
    assertTrue(
        browser.findElements(By.cssSelector("#quizDialog[open]")).isEmpty(), "not asked again");

    answerTheQuestionsAfterTheVideo(form);
    resultPageShowsScoreAndFeedback();
    storedAttemptMatches();
    theOnlyAttemptIsUsedUp();
  }

  @Test
  void a_failed_attempt_with_one_left_offers_to_try_again_in_german() throws Exception {
    publishedVideoWithQuiz(2);
    String employee = demo().login("employee2");
    RestClient.Reply failed =
        demo()
            .api()
            .post(
                "api/v1/quizzes/" + quizId + "/attempts",
                employee,
                Json.createObjectBuilder()
                    .add(
                        "answers",
                        Json.createArrayBuilder()
                            .add(Json.createArrayBuilder().add(0))
                            .add(Json.createArrayBuilder().add(2))
                            .add(Json.createArrayBuilder().add(2).add(1).add(0)))
                    .build());
    assertEquals(201, failed.status(), failed.body());
    assertEquals(0, failed.json().getInt("score"));

    logIn("employee2", "de");
    assertEquals("FAILED", statusInPortal());
    assertEquals("Nicht bestanden", portalRow().getText());
    browser.get(base + "portal/result.xhtml?quiz=" + quizId);
    waitFor(By.cssSelector("h1[data-page='quiz-result']"));
    assertEquals("Quiz-Ergebnis", browser.findElement(By.id("pageTitle")).getText());
    assertEquals("0", browser.findElement(By.id("resultScore")).getAttribute("data-score"));
    assertEquals("Nicht bestanden", browser.findElement(By.id("resultOutcome")).getText());
    assertTrue(resultOf(0).getText().contains("No, that is the store room"), resultOf(0).getText());
    assertEquals("1", browser.findElement(By.id("resultAttempts")).getAttribute("data-left"));
    shot("quiz-result-de");
    WebElement again = browser.findElement(By.id("resultForm:tryAgain"));
    assertEquals("Erneut versuchen", again.getText());
    again.click();
    waitFor(By.cssSelector("h1[data-page='watch']"));
    waitForQuiz();
    assertEquals("Versuch 2 von 2.", browser.findElement(By.id("quizStatus")).getText());
    assertEquals("IN_PROGRESS", statusOf("employee2"));
    JsonArray attempts =
        demo().api().get("api/v1/quizzes/" + quizId + "/attempts", employee).array();
    assertEquals(2, attempts.size());
    assertFalse(attempts.getJsonObject(1).getBoolean("submitted"), "a new attempt is open");
  }

  private void answerTheQuestionInTheVideo() throws Exception {
    browser.findElement(By.xpath("//dialog[@id='quizDialog']//label[.='Right']")).click();
    browser.findElement(By.id("quizAnswer")).click();
    WebElement feedback =
        new WebDriverWait(browser, Duration.ofSeconds(20))
            .withMessage("the answer's feedback shows")
            .until(
                ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("#quizFeedback[data-right='true']")));
    assertTrue(feedback.getText().contains("Right."), feedback.getText());
    assertTrue(feedback.getText().contains(EXIT_FEEDBACK), feedback.getText());
    assertEquals("quizContinue", activeId(), "focus moves to Continue");
    shot("quiz-in-video-feedback");
    browser.findElement(By.id("quizContinue")).click();
  }

  private void answerTheQuestionsAfterTheVideo(WebElement form) throws Exception {
    List<String> asked =
        form.findElements(By.cssSelector("fieldset.kf-quiz-question")).stream()
            .map(f -> f.getAttribute("data-question"))
            .sorted()
            .toList();
    assertEquals(List.of("1", "2"), asked, "the questions after the video, the answered one not");
    browser.findElement(By.id("quizSubmit")).click();
    assertEquals(
        "Answer every question before you submit.",
        browser.findElement(By.id("quizFinalMessage")).getText());

    form.findElement(By.xpath(".//fieldset[@id='quizFinal-1']//label[.='Plasters']")).click();
    putInStoredOrder(form.findElement(By.id("quizFinal-2")));
    shot("quiz-after-video");
    browser.findElement(By.id("quizSubmit")).click();
    new WebDriverWait(browser, Duration.ofSeconds(30))
        .withMessage("submitting leads to the result page")
        .until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("h1[data-page='quiz-result']")));
  }

  /** Moves each option up with its button until the list is in the stored (right) order. */
  private void putInStoredOrder(WebElement question) {
    for (int option = 0; option < 3; option++) {
      while (position(question, option) > option) {
        question.findElement(By.cssSelector("#quizFinal-2-" + option + " .kf-order-up")).click();
      }
    }
    assertEquals(List.of("0", "1", "2"), order(question));
  }

  private int position(WebElement question, int option) {
    return order(question).indexOf(String.valueOf(option));
  }

  private static List<String> order(WebElement question) {
    return question.findElements(By.cssSelector(".kf-order-item")).stream()
        .map(li -> li.getAttribute("data-option"))
        .toList();
  }

  private void resultPageShowsScoreAndFeedback() throws Exception {
    shot("quiz-result");
    assertEquals("66", browser.findElement(By.id("resultScore")).getAttribute("data-score"));
    assertEquals("true", browser.findElement(By.id("resultOutcome")).getAttribute("data-passed"));
    assertEquals("Passed", browser.findElement(By.id("resultOutcome")).getText());
    WebElement exit = resultOf(0);
    assertEquals("true", exit.getAttribute("data-right"));
    assertTrue(exit.getText().contains(EXIT_FEEDBACK), exit.getText());
    WebElement kit = resultOf(1);
    assertEquals("false", kit.getAttribute("data-right"), "Scissors were missing");
    assertTrue(kit.getText().contains(KIT_FEEDBACK), kit.getText());
    assertTrue(kit.getText().contains("Not right"), kit.getText());
    assertEquals("true", resultOf(2).getAttribute("data-right"));
    WebElement attempts = browser.findElement(By.id("resultAttempts"));
    assertEquals("1", attempts.getAttribute("data-used"));
    assertEquals("0", attempts.getAttribute("data-left"));
    assertEquals(
        "You have no attempt left.", browser.findElement(By.id("resultNoAttemptLeft")).getText());
    assertTrue(browser.findElements(By.id("resultForm:tryAgain")).isEmpty(), "no try again");
  }

  private WebElement resultOf(int question) {
    return browser.findElement(
        By.cssSelector("li.kf-result-question[data-question='" + question + "']"));
  }

  private void storedAttemptMatches() throws Exception {
    RestClient.Reply reply =
        demo().api().get("api/v1/quizzes/" + quizId + "/attempts", demo().login("employee1"));
    assertEquals(200, reply.status(), reply.body());
    JsonArray attempts = reply.array();
    assertEquals(1, attempts.size(), reply.body());
    JsonObject attempt = attempts.getJsonObject(0);
    assertTrue(attempt.getBoolean("submitted"));
    assertEquals(66, attempt.getInt("score"));
    assertTrue(attempt.getBoolean("passed"));
    assertEquals(
        List.of(List.of(1), List.of(0), List.of(0, 1, 2)),
        attempt.getJsonArray("answers").stream()
            .map(
                a ->
                    a.asJsonArray().getValuesAs(jakarta.json.JsonNumber.class).stream()
                        .map(n -> n.intValue())
                        .toList())
            .toList());
  }

  private void theOnlyAttemptIsUsedUp() throws Exception {
    browser.get(base + "portal/index.xhtml");
    waitFor(By.cssSelector("h1[data-page='portal-home']"));
    assertEquals("PASSED", statusInPortal());
    watch();
    assertEquals(
        "You have no attempt left for this quiz.",
        browser.findElement(By.id("quizStatus")).getText());
    assertFalse(browser.findElement(By.id("quizOpenFinal")).isDisplayed());
    assertTrue(browser.findElement(By.id("quizResultLink")).isDisplayed());
    RestClient.Reply again =
        demo()
            .api()
            .post(
                "api/v1/quizzes/" + quizId + "/attempts/open",
                demo().login("employee1"),
                DemoTenants.empty());
    assertEquals(409, again.status(), again.body());
    assertEquals("PASSED", attemptStatus());
  }

  /* ---- set-up through the REST API ---- */

  private void publishedVideoWithQuiz() throws Exception {
    publishedVideoWithQuiz(1);
  }

  private void publishedVideoWithQuiz(int maxAttempts) throws Exception {
    String trainer = demo().login("trainer");
    String title = "Quiz journey " + UUID.randomUUID().toString().substring(0, 8);
    Path clip = TestMedia.clip(media, UUID.randomUUID() + ".mp4", "320x240", 6, title);
    videoId = demo().transcoded(trainer, title, clip);
    RestClient.Reply saved =
        demo().api().post("api/v1/videos/" + videoId + "/quiz", trainer, quiz(maxAttempts));
    assertEquals(201, saved.status(), saved.body());
    quizId = saved.json().getString("id");
    demo().approve(videoId);
  }

  /**
   * A mandatory single-choice question at 0:02 ("Right" is right), then after the video a
   * multiple-choice question (Plasters and Scissors) and an ordering one (Stop, Look, Go).
   */
  private static JsonObject quiz(int maxAttempts) {
    return Json.createObjectBuilder()
        .add(
            "questions",
            Json.createArrayBuilder()
                .add(
                    question("SINGLE_CHOICE", IN_VIDEO, 2, true)
                        .add(
                            "options",
                            Json.createArrayBuilder()
                                .add(option("Left", false, "No, that is the store room"))
                                .add(option("Right", true, EXIT_FEEDBACK))))
                .add(
                    question("MULTIPLE_CHOICE", "What belongs in a first-aid kit?", null, false)
                        .add(
                            "options",
                            Json.createArrayBuilder()
                                .add(option("Plasters", true, KIT_FEEDBACK))
                                .add(option("Scissors", true, "Scissors belong in it"))
                                .add(option("Matches", false, "Matches do not"))))
                .add(
                    question("ORDERING", "Crossing a forklift lane: in which order?", null, false)
                        .add("options", ordering("Stop", "Look", "Go"))))
        .add("passMark", 50)
        .add("maxAttempts", maxAttempts)
        .add("counting", "BEST")
        .add("shuffleQuestions", false)
        .add("shuffleOptions", true)
        .build();
  }

  private static jakarta.json.JsonObjectBuilder question(
      String type, String text, Integer atSecond, boolean mandatory) {
    var question =
        Json.createObjectBuilder().add("type", type).add("text", text).add("mandatory", mandatory);
    if (atSecond != null) {
      question.add("atSecond", atSecond);
    }
    return question;
  }

  private static JsonObject option(String text, boolean correct, String feedback) {
    return Json.createObjectBuilder()
        .add("text", text)
        .add("correct", correct)
        .add("feedback", feedback)
        .build();
  }

  private static JsonArrayBuilder ordering(String... texts) {
    JsonArrayBuilder options = Json.createArrayBuilder();
    for (String text : texts) {
      options.add(Json.createObjectBuilder().add("text", text).add("correct", false));
    }
    return options;
  }

  private DemoTenants demo() {
    return new DemoTenants(base);
  }

  /* ---- the browser ---- */

  private void logIn(String who) throws Exception {
    logIn(who, "en");
  }

  private void logIn(String who, String language) throws Exception {
    browser = Browser.start(language);
    browser.get(base + "login.xhtml");
    browser.findElement(By.id("login:tenant")).sendKeys("demo");
    browser.findElement(By.id("login:email")).sendKeys(DemoTenants.email("demo", who));
    browser.findElement(By.id("login:password")).sendKeys(ItEnvironment.demoPassword());
    browser.findElement(By.id("login:submit")).click();
    waitFor(By.cssSelector("h1[data-page='portal-home']"));
  }

  private String statusInPortal() {
    return portalRow().getAttribute("data-status");
  }

  private WebElement portalRow() {
    return waitFor(By.xpath("//a[@data-video='" + videoId + "']/ancestor::tr//*[@data-status]"));
  }

  /** The caller's status with this video's quiz through the REST twin of the portal list. */
  private String attemptStatus() throws Exception {
    return statusOf("employee1");
  }

  private String statusOf(String who) throws Exception {
    RestClient.Reply reply = demo().api().get("api/v1/videos/quiz-status", demo().login(who));
    assertEquals(200, reply.status(), reply.body());
    return reply.json().getString(videoId);
  }

  private void watch() {
    browser.get(base + "watch.xhtml?id=" + videoId);
    waitFor(By.cssSelector("h1[data-page='watch']"));
    waitForQuiz();
  }

  private void waitForQuiz() {
    waitFor(By.cssSelector("#quiz[data-ready='true']"));
    new WebDriverWait(browser, Duration.ofSeconds(60))
        .withMessage("the player loads the video")
        .until(
            d ->
                (Boolean)
                    browser.executeScript(
                        "var v = document.getElementById('player');"
                            + " return v.readyState >= 1 && v.duration > 5;"));
  }

  private void play() {
    browser.executeScript("var v = document.getElementById('player'); v.muted = true; v.play();");
  }

  private WebElement waitForQuestion() {
    return new WebDriverWait(browser, Duration.ofSeconds(30))
        .withMessage("the player asks the question at 0:02")
        .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#quizDialog[open]")));
  }

  private String playerState() {
    return String.valueOf(
        browser.executeScript(
            "var v = document.getElementById('player'); return JSON.stringify({t: v.currentTime,"
                + " d: v.duration, paused: v.paused, ended: v.ended, ready: v.readyState,"
                + " asked: !!document.querySelector('#quizDialog[open]'),"
                + " status: document.getElementById('quizStatus').textContent});"));
  }

  private boolean paused() {
    return (Boolean) browser.executeScript("return document.getElementById('player').paused");
  }

  private double currentTime() {
    return ((Number) browser.executeScript("return document.getElementById('player').currentTime"))
        .doubleValue();
  }

  private String activeId() {
    return String.valueOf(browser.executeScript("return document.activeElement.id"));
  }

  /** A screenshot for people, when KURSFILM_IT_SCREENSHOTS names a directory. */
  private void shot(String name) throws Exception {
    String dir = System.getenv("KURSFILM_IT_SCREENSHOTS");
    if (dir != null && !dir.isBlank()) {
      Files.createDirectories(Path.of(dir));
      Files.write(Path.of(dir, name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }
  }

  private WebElement waitFor(By what) {
    return new WebDriverWait(browser, Duration.ofSeconds(30))
        .until(ExpectedConditions.presenceOfElementLocated(what));
  }
}
