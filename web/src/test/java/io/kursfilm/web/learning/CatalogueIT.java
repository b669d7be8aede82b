package io.kursfilm.web.learning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kursfilm.web.ItEnvironment;
import io.kursfilm.web.testing.DemoTenants;
import io.kursfilm.web.testing.RestClient;
import io.kursfilm.web.testing.SharedApp;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The catalogue's search through the REST API: sealed titles, descriptions and tags are searched in
 * memory, a published video is found by a word of its description and its language, no longer once
 * archived, and never from another tenant.
 */
@ExtendWith(SharedApp.class)
class CatalogueIT {

  final URL base = SharedApp.base();
  @TempDir static Path media;

  @BeforeAll
  static void s3() throws Exception {
    ItEnvironment.s3();
  }

  @Test
  void a_published_video_is_found_by_a_word_of_its_description_until_archived() throws Exception {
    String word = "quokka" + letters(8);
    LearningMedia learning = new LearningMedia(base, media);
    String id =
        learning.published(
            "Catalogue video",
            "How the " + word + " climbs ladders safely",
            "safety, ladders",
            "de");
    String employee = learning.demo().login("employee1");

    List<JsonObject> found = search(learning, employee, "q=" + word.toUpperCase());
    assertEquals(1, found.size(), found.toString());
    JsonObject entry = found.get(0);
    assertEquals(id, entry.getString("id"));
    assertEquals("Catalogue video", entry.getString("title"));
    assertEquals("de", entry.getString("language"));
    assertEquals(LearningMedia.SECONDS, entry.getJsonNumber("durationSeconds").intValue(), 1);
    assertFalse(entry.getBoolean("completed"));
    assertEquals(1, search(learning, employee, "q=" + word + "+ladders&language=de").size());
    assertEquals(0, search(learning, employee, "q=" + word + "&language=en").size());
    assertEquals(0, search(learning, employee, "q=" + word + "+giraffe").size());
    assertTrue(search(learning, employee, "").stream().anyMatch(e -> e.getString("id").equals(id)));

    String foreign = learning.demo().login("acme", "employee1");
    assertEquals(0, search(learning, foreign, "q=" + word).size());
    assertTrue(search(learning, foreign, "").stream().noneMatch(e -> e.getString("id").equals(id)));

    assertEquals(400, learning.api().get("api/v1/catalogue?language=x%3Cy", employee).status());

    RestClient.Reply archived =
        learning
            .api()
            .post(
                "api/v1/videos/" + id + "/archive",
                learning.demo().login("trainer"),
                DemoTenants.empty());
    assertEquals(200, archived.status(), archived.body());
    assertEquals(0, search(learning, employee, "q=" + word).size());
    RestClient.Reply report = learning.report(employee, id, List.of(new double[] {0, 5}), 5.0);
    assertEquals(404, report.status(), "an archived video takes no progress");
  }

  private static List<JsonObject> search(LearningMedia learning, String token, String query)
      throws Exception {
    RestClient.Reply reply = learning.api().get("api/v1/catalogue?" + query, token);
    assertEquals(200, reply.status(), reply.body());
    return reply.array().stream().map(JsonValue::asJsonObject).toList();
  }

  private static String letters(int n) {
    Random random = new Random();
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < n; i++) {
      s.append((char) ('a' + random.nextInt(26)));
    }
    return s.toString();
  }
}
