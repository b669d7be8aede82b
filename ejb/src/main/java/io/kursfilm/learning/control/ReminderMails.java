package io.kursfilm.learning.control;

import io.kursfilm.identity.boundary.Recipients;
import io.kursfilm.kernel.TenantFilter;
import io.kursfilm.learning.boundary.ReminderKind;
import io.kursfilm.learning.control.AssignmentBook.PersonCycle;
import io.kursfilm.learning.control.CycleRules.State;
import io.kursfilm.learning.entity.Assignment;
import io.kursfilm.learning.entity.Course;
import io.kursfilm.platform.boundary.Mailer;
import io.kursfilm.video.boundary.VideoTitles;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Mails one recorded reminder in a transaction of its own, in the reminder's tenant and the
 * person's language, while its row is locked: the row is marked sent when the mail server took the
 * mail, and its next attempt pushed back when it did not. A reminder nobody needs any more (the
 * person left, the cycle was completed meanwhile) is settled without a mail. At least once: a node
 * that dies between the mail and the commit leaves the row unsent, and that one reminder goes out
 * again. The transaction stays open through the SMTP exchange (at most the {@code Mailer}'s
 * time-outs) and holds no lock but this row's. Run by {@code AssignmentSchedule} on every node.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class ReminderMails {

  /** What became of a reminder this time. */
  public enum Result {
    /** Mailed; the row says so. */
    SENT,
    /** Nobody to remind any more; settled without a mail. */
    DROPPED,
    /** Another node holds it, or it is sent or gone already. */
    TAKEN,
    /** The mail server did not take it; it waits for its next attempt. */
    FAILED
  }

  @Inject TenantFilter filter;
  @Inject ReminderRows rows;
  @Inject AssignmentBook book;
  @Inject LearningStore store;
  @Inject Recipients recipients;
  @Inject VideoTitles videos;
  @Inject Mailer mailer;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "kursfilm.base-url")
  String baseUrl;

  public List<ReminderRows.Due> due(int limit) {
    return rows.due(limit);
  }

  /** Mails reminder {@code id}, which belongs to tenant {@code tenantId}, unless it is taken. */
  public Result send(String id, String tenantId) {
    // First in the transaction: every entity read below is the reminder's tenant's only.
    filter.bind(tenantId);
    Optional<ReminderRows.Locked> locked = rows.lock(id);
    if (locked.isEmpty()) {
      return Result.TAKEN;
    }
    ReminderRows.Locked r = locked.get();
    if (!r.tenantId().equals(tenantId)) {
      throw new IllegalStateException("reminder " + id + " changed its tenant");
    }
    Optional<PersonCycle> cycle =
        book.ofPerson(r.userId(), AssignmentBook.date(clock.instant())).stream()
            .filter(c -> c.assignment().id().equals(r.assignmentId()))
            .filter(c -> c.number() == r.cycle() && c.state() != State.COMPLETED)
            .findFirst();
    Optional<Recipients.Recipient> person = recipients.active(r.userId());
    if (cycle.isEmpty() || person.isEmpty()) {
      rows.sent(id);
      return Result.DROPPED;
    }
    ReminderKind kind = ReminderKind.valueOf(r.kind());
    Assignment a = cycle.get().assignment();
    ReminderText.Written mail =
        ReminderText.write(kind, person.get().language(), title(a), cycle.get().due(), link(a));
    boolean delivered =
        mailer.deliver(
            new Mailer.Mail(
                "assignment-reminder-" + kind.name().toLowerCase(Locale.ROOT),
                person.get().email(),
                mail.subject(),
                mail.text(),
                mail.html()));
    if (!delivered) {
      rows.postpone(id);
      return Result.FAILED;
    }
    rows.sent(id);
    return Result.SENT;
  }

  /** Sending reminder {@code id} broke off: it waits like one whose mail failed. */
  public void postpone(String id) {
    rows.postpone(id);
  }

  private String title(Assignment a) {
    if (a.videoId() != null) {
      return videos.titles(List.of(a.videoId())).get(a.videoId());
    }
    return store.courses(List.of(a.courseId())).stream()
        .findFirst()
        .map(Course::title)
        .orElse(null);
  }

  /** The video or course page, built from {@code kursfilm.base-url}, never from a request. */
  String link(Assignment a) {
    String base = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
    return a.videoId() != null
        ? base + "watch.xhtml?id=" + URLEncoder.encode(a.videoId(), StandardCharsets.UTF_8)
        : base
            + "portal/course.xhtml?id="
            + URLEncoder.encode(a.courseId(), StandardCharsets.UTF_8);
  }
}
