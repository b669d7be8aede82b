package io.kursfilm.web.learning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.kursfilm.identity.control.UserDirectory;
import io.kursfilm.kernel.TenantFilter;
import io.kursfilm.learning.boundary.AssignmentPass;
import io.kursfilm.learning.control.AssignmentBook;
import io.kursfilm.learning.control.AssignmentBook.PersonCycle;
import io.kursfilm.learning.control.Completions;
import io.kursfilm.learning.control.CycleRules.State;
import io.kursfilm.learning.control.LearningStore;
import io.kursfilm.learning.entity.Assignment;
import io.kursfilm.learning.entity.AssignmentTarget;
import io.kursfilm.learning.entity.GroupMember;
import io.kursfilm.learning.entity.LearnerGroup;
import io.kursfilm.tenant.control.TenantRegistry;
import io.kursfilm.web.ItEnvironment;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.Callable;
import javax.naming.InitialContext;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Assignment cycles inside the container, with the time chosen by the test instead of the clock: a
 * recorded completion completes the cycle, the pass writes it down and opens the next cycle of a
 * recurring assignment once, a cycle past its due date is overdue and reminded once, and a later
 * group member gets the assignment with the same lead time. The published video is planted with SQL
 * (no transcode needed); completions are recorded through {@link Completions}, as the progress
 * rules do.
 */
@Tag("in-container")
@ExtendWith(ArquillianExtension.class)
class AssignmentCyclesIT {

  @Deployment
  static WebArchive app() {
    return ItEnvironment.war().addClass(AssignmentCyclesIT.class);
  }

  @Inject TenantRegistry tenants;
  @Inject TenantFilter filter;
  @Inject UserDirectory users;
  @Inject LearningStore store;
  @Inject AssignmentBook book;
  @Inject Completions completions;
  @Inject AssignmentPass pass;

  @Resource UserTransaction tx;

  @Test
  void a_completion_completes_the_cycle_and_a_recurring_assignment_renews_once() throws Exception {
    String demo = inTx(() -> tenants.findBySlug("demo").orElseThrow().id());
    String trainer = userId(demo, "trainer@demo.example");
    String employee = userId(demo, "employee1@demo.example");
    String videoId = plantPublishedVideo(demo, trainer);
    Instant created = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    LocalDate due = day(created).plusDays(10);
    String id =
        inTx(
            () -> {
              filter.bind(demo);
              Assignment a = new Assignment(videoId, null, due, "P1Y", trainer, created);
              store.addNow(a);
              store.add(AssignmentTarget.person(a.id(), employee));
              return a.id();
            });

    assertEquals(State.OPEN, cycle(demo, employee, id, day(created)).state());
    assertEquals(State.OPEN, cycle(demo, employee, id, due).state(), "due today is not overdue");
    assertEquals(State.OVERDUE, cycle(demo, employee, id, due.plusDays(1)).state());

    Instant done = created.plusSeconds(60);
    inTx(
        () -> {
          filter.bind(demo);
          return completions.record(employee, videoId, 1, done);
        });
    PersonCycle completed = cycle(demo, employee, id, due.plusDays(1));
    assertEquals(State.COMPLETED, completed.state());
    assertEquals(done, completed.completedAt());

    pass(demo, done.plusSeconds(60));
    pass(demo, done.plusSeconds(120));
    PersonCycle next = cycle(demo, employee, id, day(done));
    assertEquals(2, next.number(), "the next cycle opened");
    assertEquals(State.OPEN, next.state(), "the old completion does not count for it");
    assertEquals(due.plusYears(1), next.due());
    assertEquals(2, count("SELECT COUNT(*) FROM assignment_cycle WHERE assignment_id = ?", id));
    assertEquals(
        1,
        count(
            "SELECT COUNT(*) FROM assignment_cycle WHERE assignment_id = ? AND completed_at IS NOT"
                + " NULL",
            id));

    Instant late = due.plusYears(1).plusDays(2).atTime(12, 0).toInstant(ZoneOffset.UTC);
    assertEquals(State.OVERDUE, cycle(demo, employee, id, day(late)).state());
    pass(demo, late);
    pass(demo, late);
    assertEquals(
        1,
        count(
            "SELECT COUNT(*) FROM assignment_reminder WHERE assignment_id = ? AND kind ="
                + " 'OVERDUE'",
            id),
        "reminded once, however often the pass runs");
    execute("DELETE FROM video WHERE id = ?", videoId);
    assertEquals(0, count("SELECT COUNT(*) FROM assignment WHERE id = ?", id), "cascades");
  }

  @Test
  void a_later_group_member_gets_the_assignment_with_the_same_lead_time() throws Exception {
    String demo = inTx(() -> tenants.findBySlug("demo").orElseThrow().id());
    String trainer = userId(demo, "trainer@demo.example");
    String early = userId(demo, "employee2@demo.example");
    String later = userId(demo, "employee3@demo.example");
    String videoId = plantPublishedVideo(demo, trainer);
    Instant created = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    LocalDate due = day(created).plusDays(14);
    Instant joined = created.plus(30, ChronoUnit.DAYS);
    String id =
        inTx(
            () -> {
              filter.bind(demo);
              LearnerGroup group = new LearnerGroup("Cycles " + UUID.randomUUID(), created);
              store.addNow(group);
              store.add(new GroupMember(group.id(), early, created.minusSeconds(5)));
              store.add(new GroupMember(group.id(), later, joined));
              Assignment a = new Assignment(videoId, null, due, null, trainer, created);
              store.addNow(a);
              store.add(AssignmentTarget.group(a.id(), group.id()));
              return a.id();
            });
    assertEquals(due, cycle(demo, early, id, day(created)).due());
    PersonCycle late = cycle(demo, later, id, day(joined));
    assertEquals(day(joined).plusDays(14), late.due());
    assertEquals(State.OPEN, late.state(), "nobody starts out overdue");
    assertNull(late.completedAt());
    execute(
        "DELETE FROM learner_group WHERE id IN (SELECT group_id FROM assignment_target WHERE"
            + " assignment_id = ?)",
        id);
    execute("DELETE FROM video WHERE id = ?", videoId);
  }

  private PersonCycle cycle(String tenant, String userId, String assignmentId, LocalDate today)
      throws Exception {
    return inTx(
        () -> {
          filter.bind(tenant);
          return book.ofPerson(userId, today).stream()
              .filter(c -> c.assignment().id().equals(assignmentId))
              .findFirst()
              .orElseThrow();
        });
  }

  /** The pass as the schedule runs it; the node's own timer may pass at the same time. */
  private void pass(String tenant, Instant now) throws Exception {
    try {
      pass.run(tenant, now);
    } catch (RuntimeException lostToTheTimer) {
      Thread.sleep(500);
      pass.run(tenant, now);
    }
  }

  private String userId(String tenant, String email) throws Exception {
    return inTx(
        () -> {
          filter.bind(tenant);
          return users.findByEmail(email).orElseThrow().id();
        });
  }

  private static LocalDate day(Instant instant) {
    return AssignmentBook.date(instant);
  }

  /** A published video as the lifecycle leaves one, without media (nobody plays it here). */
  private static String plantPublishedVideo(String tenant, String trainer) throws Exception {
    String id = UUID.randomUUID().toString();
    Timestamp now = Timestamp.from(Instant.now());
    execute(
        "INSERT INTO video (id, tenant_id, owner_id, latest_version_id, published_version_id,"
            + " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        id,
        tenant,
        trainer,
        id,
        id,
        now,
        now);
    execute(
        "INSERT INTO video_version (id, tenant_id, video_id, number, uploader_id, title,"
            + " state, declared_size, chunk_size, created_at, updated_at)"
            + " VALUES (?, ?, ?, 1, ?, 'Cycles video', 'PUBLISHED', 10, 10, ?, ?)",
        id,
        tenant,
        id,
        trainer,
        now,
        now);
    return id;
  }

  private static void execute(String sql, Object... values) throws Exception {
    DataSource db = InitialContext.doLookup("java:app/jdbc/kursfilm");
    try (Connection c = db.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        s.setObject(i + 1, values[i]);
      }
      s.executeUpdate();
    }
  }

  private static long count(String sql, String parameter) throws Exception {
    DataSource db = InitialContext.doLookup("java:app/jdbc/kursfilm");
    try (Connection c = db.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, parameter);
      try (ResultSet row = s.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    }
  }

  private <T> T inTx(Callable<T> work) throws Exception {
    tx.begin();
    try {
      T result = work.call();
      tx.commit();
      return result;
    } catch (Exception | AssertionError e) {
      tx.rollback();
      throw e;
    }
  }
}
