package io.kursfilm.learning.boundary;

import io.kursfilm.identity.boundary.Colleagues;
import io.kursfilm.kernel.TenantFilter;
import io.kursfilm.learning.control.AssignmentBook;
import io.kursfilm.learning.control.AssignmentBook.PersonCycle;
import io.kursfilm.learning.control.CertificateIssuer;
import io.kursfilm.learning.control.CycleDates;
import io.kursfilm.learning.control.LearningStore;
import io.kursfilm.learning.entity.AssignmentCycle;
import io.kursfilm.learning.entity.AssignmentReminder;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * One pass over one tenant's assignments at {@code now}, in a transaction of its own: writes down
 * completed cycles (the proof) with their certificates, opens the next cycle of recurring ones, and
 * records the reminders due as unsent rows, which {@code ReminderMails} mails once this transaction
 * has committed. Every write is guarded by a unique key, so two nodes passing at once cannot open a
 * cycle or owe a reminder twice: the later one fails on the key and rolls back all it did. Run by
 * {@code AssignmentSchedule}; no caller.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class AssignmentPass {

  /** What one pass did. */
  public record Outcome(int recorded, int renewed, int reminded) {}

  @Inject TenantFilter filter;
  @Inject AssignmentBook book;
  @Inject LearningStore store;
  @Inject Colleagues colleagues;
  @Inject CertificateIssuer certificates;

  @Inject
  @ConfigProperty(name = "kursfilm.assignments.remind-days-before")
  int remindDaysBefore;

  public Outcome run(String tenantId, Instant now) {
    filter.bind(tenantId);
    LocalDate today = AssignmentBook.date(now);
    List<PersonCycle> cycles = book.ofTenant(today);
    int recorded = 0;
    int renewed = 0;
    List<PersonCycle> open = new ArrayList<>();
    for (PersonCycle c : cycles) {
      if (c.completedAt() == null) {
        open.add(c);
      } else if (!c.recorded()) {
        recorded++;
        if (settle(c)) {
          renewed++;
        }
      }
    }
    store.flush();
    int reminded = reminders(open, today);
    store.flush();
    return new Outcome(recorded, renewed, reminded);
  }

  /** Writes the completion down and opens the next cycle when it recurs; true when it did. */
  private boolean settle(PersonCycle c) {
    AssignmentCycle row = c.row();
    if (row == null) {
      row = new AssignmentCycle(c.assignment().id(), c.userId(), 1, c.startsAt(), c.due());
      row.completed(c.completedAt());
      store.add(row);
    } else {
      row.completed(c.completedAt());
    }
    certificates.issue(
        c.userId(),
        c.assignment().id(),
        String.valueOf(c.number()),
        c.assignment().videoId() != null ? "VIDEO" : "COURSE",
        c.assignment().videoId() != null ? c.assignment().videoId() : c.assignment().courseId(),
        c.completedAt());
    Period every = CycleDates.recurrence(c.assignment().recurrence());
    if (every == null) {
      return false;
    }
    LocalDate next = CycleDates.nextDue(c.due(), every, AssignmentBook.date(c.completedAt()));
    store.add(
        new AssignmentCycle(
            c.assignment().id(), c.userId(), c.number() + 1, c.completedAt(), next));
    return true;
  }

  /** Records the reminders due today that no pass recorded before; their mails go out later. */
  private int reminders(List<PersonCycle> open, LocalDate today) {
    Set<String> people = new HashSet<>();
    open.forEach(c -> people.add(c.userId()));
    Set<String> active = colleagues.active(people);
    Set<String> recorded = store.reminderKeys();
    int due = 0;
    for (PersonCycle c : open) {
      if (!active.contains(c.userId())) {
        continue;
      }
      ReminderKind kind =
          today.isAfter(c.due())
              ? ReminderKind.OVERDUE
              : CycleDates.remindBefore(c.due(), today, remindDaysBefore)
                  ? ReminderKind.BEFORE
                  : null;
      if (kind == null
          || recorded.contains(
              LearningStore.reminderKey(
                  c.assignment().id(), c.userId(), c.number(), kind.name()))) {
        continue;
      }
      store.add(new AssignmentReminder(c.assignment().id(), c.userId(), c.number(), kind.name()));
      due++;
    }
    return due;
  }
}
