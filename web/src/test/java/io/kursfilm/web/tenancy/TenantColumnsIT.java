package io.kursfilm.web.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kursfilm.web.ItEnvironment;
import io.kursfilm.web.testing.DemoTenants;
import io.kursfilm.web.testing.RestClient;
import io.kursfilm.web.testing.SharedApp;
import io.kursfilm.web.video.TestMedia;
import jakarta.json.Json;
import java.io.InputStream;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every column of the migrated schema has a written decision on how a shred covers it
 * (tenant-columns.csv, the table in docs/architecture.md), and the columns sealed by V16 hold no
 * plaintext anywhere in MariaDB's files.
 */
@ExtendWith(SharedApp.class)
class TenantColumnsIT {

  /** The decisions a column can have; see docs/architecture.md, "Tenant columns at shred". */
  static final Set<String> COVERAGE =
      Set.of(
          "sealed", "hmac", "id/ref", "meta", "deleted at shred", "platform", "PLAINTEXT – to fix");

  final URL base = SharedApp.base();
  @TempDir static Path media;

  @BeforeAll
  static void s3() throws Exception {
    ItEnvironment.s3();
  }

  @Test
  void every_column_of_the_schema_has_a_decision_how_a_shred_covers_it() throws Exception {
    Map<String, String> decided = decisions();
    Set<String> actual = new TreeSet<>();
    try (Connection db = db();
        ResultSet row =
            db.createStatement()
                .executeQuery(
                    "SELECT table_name, column_name FROM information_schema.columns"
                        + " WHERE table_schema = DATABASE()")) {
      while (row.next()) {
        actual.add(row.getString(1) + "." + row.getString(2));
      }
    }
    List<String> undecided = new ArrayList<>(actual);
    undecided.removeAll(decided.keySet());
    List<String> gone = new ArrayList<>(decided.keySet());
    gone.removeAll(actual);
    assertTrue(
        undecided.isEmpty(),
        "columns without a decision (add them to web/src/test/resources/tenant-columns.csv and"
            + " docs/architecture.md): "
            + undecided);
    assertTrue(gone.isEmpty(), "decided columns no longer in the schema: " + gone);
  }

  @Test
  void video_details_caption_labels_and_elevation_reasons_leave_no_plaintext_in_mariadb()
      throws Exception {
    String canary = "TC" + UUID.randomUUID().toString().replace("-", "");
    String trainer = demo().login("trainer");
    Path clip = TestMedia.clip(media, UUID.randomUUID() + ".mp4", "320x240", 3, "columns");
    RestClient.Reply uploaded =
        api()
            .sendBytes(
                "POST",
                "api/v1/videos?title="
                    + query(canary + "title")
                    + "&description="
                    + query(canary + "description")
                    + "&tags="
                    + query(canary + "tags"),
                trainer,
                Files.readAllBytes(clip));
    assertEquals(202, uploaded.status(), uploaded.body());
    String id = uploaded.json().getString("id");
    demo().awaitState(trainer, id, "IN_REVIEW");
    String vtt = "WEBVTT\n\n00:00.000 --> 00:02.000\nHallo\n";
    RestClient.Reply caption =
        api()
            .putText(
                "api/v1/videos/" + id + "/captions/de?label=" + query(canary + "label"),
                trainer,
                "text/vtt",
                vtt);
    assertEquals(204, caption.status(), caption.body());
    RestClient.Reply described =
        api()
            .put(
                "api/v1/videos/" + id,
                trainer,
                Json.createObjectBuilder()
                    .add("title", canary + "renamed")
                    .add("description", canary + "described")
                    .add("tags", canary + "retagged")
                    .build());
    assertEquals(200, described.status(), described.body());
    String root = api().login("platform", "root@kursfilm.example", ItEnvironment.demoPassword());
    RestClient.Reply elevated =
        api()
            .post(
                "api/v1/elevations",
                root,
                Json.createObjectBuilder()
                    .add("tenant", "demo")
                    .add("reason", "Ticket " + canary + "reason")
                    .build());
    assertEquals(201, elevated.status(), elevated.body());

    // Read paths open what was sealed.
    String video = api().get("api/v1/videos/" + id, trainer).body();
    assertTrue(video.contains(canary + "renamed") && video.contains(canary + "retagged"), video);
    assertTrue(
        api().get("api/v1/videos/" + id + "/captions", trainer).body().contains(canary + "label"));
    String admin = demo().login("admin");
    assertTrue(api().get("api/v1/elevations", admin).body().contains(canary + "reason"));

    try (Connection db = db()) {
      String dataDir;
      try (ResultSet row = db.createStatement().executeQuery("SELECT @@datadir")) {
        row.next();
        dataDir = row.getString(1);
      }
      try (PreparedStatement stored =
          db.prepareStatement(
              "SELECT title, description, tags, media_sha256 FROM video_version WHERE id = ?")) {
        stored.setString(1, id);
        try (ResultSet row = stored.executeQuery()) {
          assertTrue(row.next());
          for (int i = 1; i <= 4; i++) {
            assertTrue(row.getString(i).startsWith("f2:"), row.getString(i));
          }
        }
      }
      assertFalse(TestMedia.filesContaining(Path.of(dataDir), id).isEmpty(), "control");
      assertEquals(
          List.of(), TestMedia.filesContaining(Path.of(dataDir), canary), "canary in MariaDB");
    }
  }

  /** {@code table.column -> coverage}, checked against {@link #COVERAGE}. */
  static Map<String, String> decisions() throws Exception {
    Map<String, String> decided = new LinkedHashMap<>();
    try (InputStream in =
        TenantColumnsIT.class.getClassLoader().getResourceAsStream("tenant-columns.csv")) {
      List<String> lines =
          List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"));
      for (String line : lines.subList(1, lines.size())) {
        if (line.isBlank()) {
          continue;
        }
        String[] cells = line.split(",", 4);
        assertTrue(COVERAGE.contains(cells[2]), "unknown coverage in: " + line);
        assertEquals(null, decided.put(cells[0] + "." + cells[1], cells[2]), "twice: " + line);
      }
    }
    return decided;
  }

  private static String query(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static Connection db() throws Exception {
    return DriverManager.getConnection(
        System.getenv("KURSFILM_DB_URL"),
        System.getenv("KURSFILM_DB_USER"),
        System.getenv("KURSFILM_DB_PASSWORD"));
  }

  private DemoTenants demo() {
    return new DemoTenants(base);
  }

  private RestClient api() {
    return demo().api();
  }
}
