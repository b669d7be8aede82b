package io.kursfilm.web.learning;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kursfilm.web.testing.DemoTenants;
import io.kursfilm.web.testing.RestClient;
import io.kursfilm.web.video.TestMedia;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/** Published demo videos for the learning portal's ITs, and progress reports about them. */
public final class LearningMedia {

  /** Seconds of every test clip: long enough for shares in steps of 5 %. */
  public static final int SECONDS = 20;

  private final DemoTenants demo;
  private final Path dir;

  public LearningMedia(URL base, Path dir) {
    this.demo = new DemoTenants(base);
    this.dir = dir;
  }

  public DemoTenants demo() {
    return demo;
  }

  public RestClient api() {
    return demo.api();
  }

  /** A video of the demo trainer, described and published (approved by the demo critic). */
  public String published(String title, String description, String tags, String language)
      throws Exception {
    String trainer = demo.login("trainer");
    Path clip = TestMedia.clip(dir, UUID.randomUUID() + ".mp4", "320x240", SECONDS, title);
    String id = demo.transcoded(trainer, title, clip);
    JsonObject details =
        Json.createObjectBuilder()
            .add("title", title)
            .add("description", description)
            .add("tags", tags)
            .add("language", language)
            .build();
    RestClient.Reply described = api().put("api/v1/videos/" + id, trainer, details);
    assertEquals(200, described.status(), described.body());
    demo.approve(id);
    demo.awaitState(trainer, id, "PUBLISHED");
    return id;
  }

  /** A report of {@code intervals} ({from, to} pairs) with {@code position} (null: none). */
  RestClient.Reply report(String token, String videoId, List<double[]> intervals, Double position)
      throws Exception {
    JsonArrayBuilder pairs = Json.createArrayBuilder();
    for (double[] pair : intervals) {
      JsonArrayBuilder one = Json.createArrayBuilder();
      for (double d : pair) {
        one.add(d);
      }
      pairs.add(one);
    }
    var body = Json.createObjectBuilder().add("videoId", videoId).add("intervals", pairs);
    if (position != null) {
      body.add("position", position);
    }
    return api().post("api/v1/progress", token, body.build());
  }

  /** Two questions; answers {@code [[1], [1]]} pass (pass mark 100), {@code [[0], [1]]} fail. */
  static JsonObject quiz() {
    return Json.createObjectBuilder()
        .add(
            "questions",
            Json.createArrayBuilder()
                .add(question("SINGLE_CHOICE", "Which way out?", "Left", "Right"))
                .add(question("TRUE_FALSE", "Ladders may be painted", "true", "false")))
        .add("passMark", 100)
        .add("maxAttempts", 3)
        .add("counting", "BEST")
        .add("shuffleQuestions", false)
        .add("shuffleOptions", false)
        .build();
  }

  private static JsonObject question(String type, String text, String wrong, String right) {
    return Json.createObjectBuilder()
        .add("type", type)
        .add("text", text)
        .add(
            "options",
            Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("text", wrong).add("correct", false))
                .add(Json.createObjectBuilder().add("text", right).add("correct", true)))
        .add("mandatory", false)
        .build();
  }
}
