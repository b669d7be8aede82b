package io.kursfilm.web.learning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.kursfilm.web.ItEnvironment;
import io.kursfilm.web.testing.DemoTenants;
import io.kursfilm.web.testing.RestClient;
import io.kursfilm.web.testing.SharedApp;
import io.kursfilm.web.video.TestMedia;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import java.net.URL;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Assignments, groups and their CSV import through the REST API on the real stack: who sees which
 * assignments, what is refused without a trace, group assignments reaching members (also later
 * ones), the overdue list, and the reminder mailed once, also when the mail server was down when it
 * fell due (GreenMail on the port the app sends to; the app passes over assignments every 5 s in
 * the tests).
 */
@ExtendWith(SharedApp.class)
class AssignmentsIT {

  private static GreenMail smtp;
  private static String published;

  final URL base = SharedApp.base();
  @TempDir static Path media;

  @BeforeAll
  static void start() throws Exception {
    ItEnvironment.s3();
    int port = Integer.parseInt(System.getProperty("kursfilm.it.mail.port"));
    smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
  }

  @AfterAll
  static void stop() {
    if (smtp != null) {
      smtp.stop();
    }
  }

  @Test
  void employees_see_only_their_own_assignments_and_trainers_and_admins_the_tenants()
      throws Exception {
    String trainer = login("trainer");
    String video = published();
    String employee1 = userId("employee1");
    RestClient.Reply made =
        api().post("api/v1/assignments", trainer, assignment(video, List.of(employee1), in(10)));
    assertEquals(201, made.status(), made.body());
    String id = made.json().getString("id");

    JsonObject own = find(api().get("api/v1/assignments", login("employee1")), id, null);
    assertNotNull(own, "the employee sees it");
    assertEquals("OPEN", own.getString("state"));
    assertEquals(in(10), own.getString("dueDate"));
    assertEquals(video, own.getString("videoId"));
    assertFalse(own.containsKey("userId"), "an employee's own list names nobody");
    assertNull(find(api().get("api/v1/assignments", login("employee2")), id, null));
    for (String who : List.of("trainer", "admin")) {
      RestClient.Reply all = api().get("api/v1/assignments", login(who));
      assertEquals(200, all.status(), all.body());
      JsonObject row = find(all, id, employee1);
      assertNotNull(row, who + " sees the employee's assignment");
      assertTrue(row.containsKey("userName"));
    }
    assertNull(
        find(api().get("api/v1/assignments", demo().login("acme", "admin")), id, null),
        "another tenant sees nothing");
    assertEquals(
        403,
        api()
            .post(
                "api/v1/assignments",
                login("employee1"),
                assignment(video, List.of(employee1), in(10)))
            .status());
  }

  @Test
  void
      assignments_to_another_tenants_user_unknown_groups_or_past_dates_are_refused_and_leave_nothing()
          throws Exception {
    String trainer = login("trainer");
    String video = published();
    int before = api().get("api/v1/assignments", trainer).array().size();
    String foreign = userId("acme", "employee1");
    RestClient.Reply refused =
        api().post("api/v1/assignments", trainer, assignment(video, List.of(foreign), in(5)));
    assertEquals(400, refused.status(), refused.body());
    assertTrue(refused.json().containsKey("error"));
    JsonObject unknownGroup =
        Json.createObjectBuilder()
            .add("videoId", video)
            .add("groupIds", Json.createArrayBuilder().add(UUID.randomUUID().toString()))
            .add("dueDate", in(5))
            .build();
    assertEquals(400, api().post("api/v1/assignments", trainer, unknownGroup).status());
    RestClient.Reply past =
        api()
            .post(
                "api/v1/assignments",
                trainer,
                assignment(video, List.of(userId("employee1")), in(-1)));
    assertEquals(400, past.status(), past.body());
    assertTrue(past.body().contains("dueDate"), past.body());
    assertEquals(
        400,
        api()
            .post(
                "api/v1/assignments",
                trainer,
                assignment(UUID.randomUUID().toString(), List.of(userId("employee1")), in(3)))
            .status());
    assertEquals(before, api().get("api/v1/assignments", trainer).array().size(), "nothing stored");
  }

  @Test
  void an_unpublished_video_cannot_be_assigned() throws Exception {
    String trainer = login("trainer");
    Path clip = TestMedia.clip(media, UUID.randomUUID() + ".mp4", "320x240", 2, "in review");
    String inReview = demo().transcoded(trainer, "Not yet " + UUID.randomUUID(), clip);
    RestClient.Reply refused =
        api()
            .post(
                "api/v1/assignments",
                trainer,
                assignment(inReview, List.of(userId("employee1")), in(3)));
    assertEquals(409, refused.status(), refused.body());
    assertTrue(refused.body().contains("not published"), refused.body());
  }

  @Test
  void a_group_assignment_reaches_its_members_also_those_who_join_later() throws Exception {
    String admin = login("admin");
    String trainer = login("trainer");
    String video = published();
    RestClient.Reply group =
        api()
            .post(
                "api/v1/groups",
                admin,
                Json.createObjectBuilder().add("name", "Warehouse " + UUID.randomUUID()).build());
    assertEquals(201, group.status(), group.body());
    String groupId = group.json().getString("id");
    assertEquals(
        200,
        api()
            .post("api/v1/groups/" + groupId + "/members", admin, members(userId("employee3")))
            .status());
    assertEquals(
        400,
        api()
            .post(
                "api/v1/groups/" + groupId + "/members",
                admin,
                members(userId("acme", "employee3")))
            .status(),
        "another tenant's user cannot join");
    JsonObject byGroup =
        Json.createObjectBuilder()
            .add("videoId", video)
            .add("groupIds", Json.createArrayBuilder().add(groupId))
            .add("dueDate", in(20))
            .add("recurrence", "P1Y")
            .build();
    RestClient.Reply made = api().post("api/v1/assignments", trainer, byGroup);
    assertEquals(201, made.status(), made.body());
    String id = made.json().getString("id");
    assertNotNull(find(api().get("api/v1/assignments", login("employee3")), id, null));
    assertNull(find(api().get("api/v1/assignments", login("employee4")), id, null));

    api().post("api/v1/groups/" + groupId + "/members", admin, members(userId("employee4")));
    JsonObject later = find(api().get("api/v1/assignments", login("employee4")), id, null);
    assertNotNull(later, "a later member gets it");
    assertEquals("P1Y", later.getString("recurrence"));
    assertEquals(204, api().delete("api/v1/assignments/" + id, trainer).status());
    assertNull(find(api().get("api/v1/assignments", login("employee3")), id, null));
    assertEquals(204, api().delete("api/v1/groups/" + groupId, admin).status());
  }

  @Test
  void the_csv_import_adds_existing_people_invites_unknown_ones_and_rejects_bad_lines()
      throws Exception {
    String admin = login("admin");
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String newcomer = "new-" + suffix + "@demo.example";
    String csv =
        "email,name,group\n"
            + "employee5@demo.example,Employee Five,Import "
            + suffix
            + "\n"
            + newcomer
            + ",\"Neu, Nina\",Import "
            + suffix
            + "\n"
            + "not-an-address,X,Import "
            + suffix
            + "\n"
            + "evil-"
            + suffix
            + "@demo.example,=cmd|' /C calc'!A0,Import "
            + suffix
            + "\n";
    RestClient.Reply report = api().postCsv("api/v1/groups/import", admin, csv);
    assertEquals(200, report.status(), report.body());
    JsonObject r = report.json();
    assertEquals(1, r.getInt("added"));
    assertEquals(1, r.getInt("invited"));
    assertEquals(2, r.getInt("rejected"));
    List<JsonObject> lines = r.getJsonArray("lines").getValuesAs(JsonObject.class);
    assertEquals(4, lines.get(2).getInt("line"));
    assertEquals("REJECTED", lines.get(2).getString("outcome"));
    assertEquals("REJECTED", lines.get(3).getString("outcome"));
    assertTrue(lines.get(3).getString("error").contains("formula"));
    assertTrue(api().get("api/v1/invitations", admin).body().contains(newcomer));
    JsonObject group =
        api().get("api/v1/groups", admin).array().getValuesAs(JsonObject.class).stream()
            .filter(g -> g.getString("name").equals("Import " + suffix))
            .findFirst()
            .orElseThrow();
    assertEquals(1, group.getInt("memberCount"));

    String other = "half-" + suffix + "@demo.example";
    RestClient.Reply malformed =
        api()
            .postCsv(
                "api/v1/groups/import",
                admin,
                "email,name,group\n"
                    + other
                    + ",Half,Half "
                    + suffix
                    + "\nx@demo.example,\"open,G\n");
    assertEquals(400, malformed.status(), malformed.body());
    assertFalse(api().get("api/v1/invitations", admin).body().contains(other), "nothing imported");
    assertFalse(api().get("api/v1/groups", admin).body().contains("Half " + suffix));
    assertEquals(403, api().postCsv("api/v1/groups/import", login("trainer"), csv).status());
  }

  @Test
  void the_overdue_list_names_overdue_people_until_they_are_deactivated() throws Exception {
    String admin = login("admin");
    String employee = userId("employee4");
    String id = plantOverdue(published(), employee, LocalDate.now(ZoneOffset.UTC).minusDays(3));
    RestClient.Reply overdue = api().get("api/v1/assignments?overdue=true", login("trainer"));
    assertEquals(200, overdue.status(), overdue.body());
    JsonObject row = find(overdue, id, employee);
    assertNotNull(row, overdue.body());
    assertEquals("OVERDUE", row.getString("state"));
    assertTrue(
        overdue.array().getValuesAs(JsonObject.class).stream()
            .allMatch(o -> o.getString("state").equals("OVERDUE")));
    assertEquals(
        "OVERDUE",
        find(api().get("api/v1/assignments", login("employee4")), id, null).getString("state"));

    setActive(admin, employee, false);
    try {
      assertNull(find(api().get("api/v1/assignments?overdue=true", admin), id, employee));
    } finally {
      setActive(admin, employee, true);
    }
    assertEquals(204, api().delete("api/v1/assignments/" + id, admin).status());
  }

  @Test
  void a_reminder_before_the_due_date_is_mailed_once() throws Exception {
    String trainer = login("trainer");
    String address = DemoTenants.email("demo", "employee2");
    RestClient.Reply made =
        api()
            .post(
                "api/v1/assignments",
                trainer,
                assignment(published(), List.of(userId("employee2")), in(1)));
    assertEquals(201, made.status(), made.body());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
    while (reminders(address).isEmpty()) {
      assertTrue(System.nanoTime() < deadline, "no reminder mailed");
      Thread.sleep(500);
    }
    Thread.sleep(12_000); // two more passes of the app
    List<MimeMessage> mails = reminders(address);
    assertEquals(1, mails.size(), "mailed once");
    assertTrue(mails.get(0).getContent().toString().length() > 0);
    api().delete("api/v1/assignments/" + made.json().getString("id"), trainer);
  }

  @Test
  void a_reminder_due_while_the_mail_server_is_down_is_mailed_once_when_it_is_back()
      throws Exception {
    String trainer = login("trainer");
    String address = DemoTenants.email("demo", "employee5");
    int port = smtp.getSmtp().getPort();
    smtp.stop();
    String id;
    try {
      RestClient.Reply made =
          api()
              .post(
                  "api/v1/assignments",
                  trainer,
                  assignment(published(), List.of(userId("employee5")), in(1)));
      assertEquals(201, made.status(), made.body());
      id = made.json().getString("id");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (failedAttempts(id) < 2) {
        assertTrue(System.nanoTime() < deadline, "the reminder was not tried twice");
        Thread.sleep(500);
      }
      assertFalse(sent(id), "not sent while the mail server is down");
    } finally {
      smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
      smtp.start();
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (reminders(address).isEmpty()) {
      assertTrue(System.nanoTime() < deadline, "no reminder mailed after the server came back");
      Thread.sleep(500);
    }
    Thread.sleep(12_000); // two more passes of the app
    assertEquals(1, reminders(address).size(), "mailed once");
    assertTrue(sent(id));
    api().delete("api/v1/assignments/" + id, trainer);
  }

  /** Failed mail attempts of the assignment's reminder row, -1 before the pass records it. */
  private static int failedAttempts(String assignmentId) throws Exception {
    Object attempts = reminderColumn(assignmentId, "attempts");
    return attempts == null ? -1 : ((Number) attempts).intValue();
  }

  private static boolean sent(String assignmentId) throws Exception {
    return ((Number) reminderColumn(assignmentId, "COUNT(sent_at)")).intValue() == 1;
  }

  private static Object reminderColumn(String assignmentId, String column) throws Exception {
    try (Connection c =
            DriverManager.getConnection(
                System.getProperty("kursfilm.it.db.url"),
                System.getProperty("kursfilm.it.db.user"),
                System.getProperty("kursfilm.it.db.password"));
        PreparedStatement s =
            c.prepareStatement(
                "SELECT " + column + " FROM assignment_reminder WHERE assignment_id = ?")) {
      s.setString(1, assignmentId);
      var rs = s.executeQuery();
      return rs.next() ? rs.getObject(1) : null;
    }
  }

  private static List<MimeMessage> reminders(String address) throws Exception {
    List<MimeMessage> found = new ArrayList<>();
    for (MimeMessage m : smtp.getReceivedMessages()) {
      boolean to = false;
      for (Address a : m.getAllRecipients()) {
        to |= a.toString().equalsIgnoreCase(address);
      }
      String subject = m.getSubject();
      if (to && (subject.contains("due soon") || subject.contains("bald f\u00e4llig"))) {
        found.add(m);
      }
    }
    return found;
  }

  /** An assignment made days ago and due before today: only the database can hold one. */
  private static String plantOverdue(String video, String userId, LocalDate due) throws Exception {
    String id = UUID.randomUUID().toString();
    try (Connection c =
        DriverManager.getConnection(
            System.getProperty("kursfilm.it.db.url"),
            System.getProperty("kursfilm.it.db.user"),
            System.getProperty("kursfilm.it.db.password"))) {
      String tenant;
      try (PreparedStatement s =
          c.prepareStatement("SELECT tenant_id FROM app_user WHERE id = ?")) {
        s.setString(1, userId);
        var rs = s.executeQuery();
        rs.next();
        tenant = rs.getString(1);
      }
      try (PreparedStatement s =
          c.prepareStatement(
              "INSERT INTO assignment (id, tenant_id, video_id, due_date, created_by, created_at)"
                  + " VALUES (?, ?, ?, ?, ?, ?)")) {
        s.setString(1, id);
        s.setString(2, tenant);
        s.setString(3, video);
        s.setObject(4, due);
        s.setString(5, userId);
        s.setTimestamp(6, Timestamp.from(Instant.now().minusSeconds(30L * 86400)));
        s.executeUpdate();
      }
      try (PreparedStatement s =
          c.prepareStatement(
              "INSERT INTO assignment_target (id, tenant_id, assignment_id, user_id)"
                  + " VALUES (?, ?, ?, ?)")) {
        s.setString(1, UUID.randomUUID().toString());
        s.setString(2, tenant);
        s.setString(3, id);
        s.setString(4, userId);
        s.executeUpdate();
      }
    }
    return id;
  }

  private void setActive(String admin, String userId, boolean active) throws Exception {
    RestClient.Reply done =
        api()
            .put(
                "api/v1/users/" + userId,
                admin,
                Json.createObjectBuilder()
                    .add("active", active)
                    .add("roles", Json.createArrayBuilder().add("EMPLOYEE"))
                    .build());
    assertEquals(200, done.status(), done.body());
  }

  /** The row of assignment {@code id} (for {@code userId}, when given), or null. */
  private static JsonObject find(RestClient.Reply list, String id, String userId) {
    assertEquals(200, list.status(), list.body());
    return list.array().getValuesAs(JsonObject.class).stream()
        .filter(o -> o.getString("id").equals(id))
        .filter(o -> userId == null || userId.equals(o.getString("userId", null)))
        .findFirst()
        .orElse(null);
  }

  private static void assertNull(Object value, String... message) {
    org.junit.jupiter.api.Assertions.assertNull(value, message.length > 0 ? message[0] : null);
  }

  /** One published video for the class: uploaded, transcoded and approved once. */
  private synchronized String published() throws Exception {
    if (published == null) {
      String title = "Assigned " + UUID.randomUUID();
      Path clip = TestMedia.clip(media, UUID.randomUUID() + ".mp4", "320x240", 2, title);
      String id = demo().transcoded(login("trainer"), title, clip);
      demo().approve(id);
      published = id;
    }
    return published;
  }

  private static JsonObject assignment(String video, List<String> users, String due) {
    JsonArrayBuilder ids = Json.createArrayBuilder();
    users.forEach(ids::add);
    JsonObjectBuilder body =
        Json.createObjectBuilder().add("videoId", video).add("userIds", ids).add("dueDate", due);
    return body.build();
  }

  private static JsonObject members(String userId) {
    return Json.createObjectBuilder().add("userIds", Json.createArrayBuilder().add(userId)).build();
  }

  private static String in(int days) {
    return LocalDate.now(ZoneOffset.UTC).plusDays(days).toString();
  }

  private String userId(String who) throws Exception {
    return userId("demo", who);
  }

  private String userId(String tenant, String who) throws Exception {
    String email = DemoTenants.email(tenant, who);
    return api()
        .get("api/v1/users", demo().login(tenant, "admin"))
        .array()
        .getValuesAs(JsonObject.class)
        .stream()
        .filter(u -> u.getString("email").equals(email))
        .findFirst()
        .orElseThrow()
        .getString("id");
  }

  private DemoTenants demo() {
    return new DemoTenants(base);
  }

  private RestClient api() {
    return demo().api();
  }

  private String login(String who) throws Exception {
    return demo().login(who);
  }
}
