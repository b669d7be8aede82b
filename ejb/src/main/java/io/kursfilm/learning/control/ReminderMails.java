package io.kursfilm.learning.control;

import io.kursfilm.identity.boundary.Recipients;
import io.kursfilm.kernel.TenantFilter;
import io.kursfilm.learning.boundary.RemindersDue;
import io.kursfilm.platform.boundary.Mailer;
import jakarta.annotation.Resource;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Mails the reminders of a committed pass, each in the person's language, on its own thread and in
 * its own transaction bound to the tenant: a mail server that is down costs the mails (the rows say
 * they were sent, so they are not repeated), never the pass. Logs counts only.
 */
@Stateless
public class ReminderMails {

  private static final Logger LOG = Logger.getLogger(ReminderMails.class.getName());

  @Inject TenantFilter filter;
  @Inject Recipients recipients;
  @Inject Mailer mailer;
  @Resource SessionContext context;

  @Inject
  @ConfigProperty(name = "kursfilm.base-url")
  String baseUrl;

  @Asynchronous
  public void send(RemindersDue due) {
    try {
      filter.bind(due.tenantId());
      for (RemindersDue.Reminder r : due.reminders()) {
        recipients
            .active(r.userId())
            .ifPresent(
                person -> {
                  ReminderText.Written mail =
                      ReminderText.write(r.kind(), person.language(), r.title(), r.due(), link(r));
                  mailer.send(
                      new Mailer.Mail(
                          "assignment-reminder-" + r.kind().name().toLowerCase(Locale.ROOT),
                          person.email(),
                          mail.subject(),
                          mail.text(),
                          mail.html()));
                });
      }
    } catch (RuntimeException e) {
      context.setRollbackOnly();
      LOG.warning(
          () ->
              "assignment reminders not sent ("
                  + due.reminders().size()
                  + "): "
                  + e.getClass().getSimpleName());
    }
  }

  /** The video or course page, built from {@code kursfilm.base-url}, never from a request. */
  String link(RemindersDue.Reminder r) {
    String base = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
    return r.videoId() != null
        ? base + "watch.xhtml?id=" + URLEncoder.encode(r.videoId(), StandardCharsets.UTF_8)
        : base
            + "portal/course.xhtml?id="
            + URLEncoder.encode(r.courseId(), StandardCharsets.UTF_8);
  }
}
