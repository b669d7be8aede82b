package io.kursfilm.notification.control;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Hands the notifications of a committed move to the mailer, and only those: a move that rolls back
 * mails nobody. The hand-over is asynchronous, so nothing here can reach back into the committed
 * transaction, and a failure is logged by kind only.
 */
@Dependent
public class MailAfterCommit {

  private static final Logger LOG = Logger.getLogger(MailAfterCommit.class.getName());

  @Inject NotificationMails mails;

  void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Notified notified) {
    try {
      mails.send(notified);
    } catch (RuntimeException e) {
      LOG.warning(
          () ->
              "notification mails not handed over ("
                  + notified.kind()
                  + "): "
                  + e.getClass().getSimpleName());
    }
  }
}
