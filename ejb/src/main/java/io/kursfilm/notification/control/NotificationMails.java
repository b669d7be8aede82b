package io.kursfilm.notification.control;

import io.kursfilm.identity.boundary.Recipients;
import io.kursfilm.kernel.TenantFilter;
import io.kursfilm.notification.boundary.NotificationKind;
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
 * Mails the people of a committed notification, each in their language, through the shared {@link
 * Mailer}. Runs on its own thread and in its own read-only transaction, bound to the tenant the
 * move happened in: an address that cannot be read or a mail server that is down costs the mail,
 * never the decision. Logs kinds and counts only, never addresses or titles.
 */
@Stateless
public class NotificationMails {

  private static final Logger LOG = Logger.getLogger(NotificationMails.class.getName());

  @Inject TenantFilter filter;
  @Inject Recipients recipients;
  @Inject Mailer mailer;
  @Resource SessionContext context;

  @Inject
  @ConfigProperty(name = "kursfilm.base-url")
  String baseUrl;

  @Asynchronous
  public void send(Notified notified) {
    try {
      filter.bind(notified.tenantId());
      String link = link(notified.kind(), notified.videoId());
      for (String userId : notified.recipients()) {
        recipients
            .active(userId)
            .ifPresent(
                person -> {
                  MailText.Written mail =
                      MailText.write(
                          notified.kind(),
                          person.language(),
                          notified.title(),
                          notified.version(),
                          link);
                  mailer.send(
                      new Mailer.Mail(
                          "notification-" + notified.kind().name().toLowerCase(Locale.ROOT),
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
              "notification mails not sent ("
                  + notified.kind()
                  + ", "
                  + notified.recipients().size()
                  + " recipients): "
                  + e.getClass().getSimpleName());
    }
  }

  /** The page that answers it; built from {@code kursfilm.base-url}, never from a request. */
  String link(NotificationKind kind, String videoId) {
    String base = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
    return base + kind.page() + "?id=" + URLEncoder.encode(videoId, StandardCharsets.UTF_8);
  }
}
