package io.kursfilm.learning.control;

import io.kursfilm.learning.boundary.RemindersDue;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/** Hands the reminders of a committed pass to the mailer; a pass that rolls back mails nobody. */
@Dependent
public class ReminderAfterCommit {

  private static final Logger LOG = Logger.getLogger(ReminderAfterCommit.class.getName());

  @Inject ReminderMails mails;

  void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) RemindersDue due) {
    try {
      mails.send(due);
    } catch (RuntimeException e) {
      LOG.warning(() -> "assignment reminders not handed over: " + e.getClass().getSimpleName());
    }
  }
}
