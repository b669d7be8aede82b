package io.kursfilm.platform.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends the app's e-mails over SMTP with Jakarta Mail, configured by {@code kursfilm.mail.*}: the
 * one mail setup every component uses (identity's account mails, notifications). Asynchronous, so a
 * slow mail server neither holds a transaction open nor lets response times tell whether an account
 * exists ({@link #deliver} is the synchronous form for senders that retry). Fails soft: a mail that
 * cannot be sent is logged by kind only (never address, subject or body: they carry personal data
 * and live links).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Mailer {

  /**
   * One mail; {@code kind} names it in the log. {@code html}, when not null, is sent as the HTML
   * alternative of the plain {@code body}: the sender has escaped every user-supplied text in it.
   */
  public record Mail(String kind, String to, String subject, String body, String html) {

    /** A plain-text mail. */
    public Mail(String kind, String to, String subject, String body) {
      this(kind, to, subject, body, null);
    }
  }

  private static final Logger LOG = Logger.getLogger(Mailer.class.getName());

  @Inject
  @ConfigProperty(name = "kursfilm.mail.host")
  String host;

  @Inject
  @ConfigProperty(name = "kursfilm.mail.port")
  int port;

  @Inject
  @ConfigProperty(name = "kursfilm.mail.from")
  String from;

  @Inject
  @ConfigProperty(name = "kursfilm.mail.username")
  Optional<String> username;

  @Inject
  @ConfigProperty(name = "kursfilm.mail.password")
  Optional<String> password;

  @Inject
  @ConfigProperty(name = "kursfilm.mail.starttls")
  boolean starttls;

  private Session session;

  @PostConstruct
  void init() {
    Properties props = smtpProperties(host, port, starttls, username);
    Authenticator auth = null;
    if (props.containsKey("mail.smtp.auth")) {
      String user = username.get();
      String secret = password.orElse("");
      auth =
          new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
              return new PasswordAuthentication(user, secret);
            }
          };
    }
    session = Session.getInstance(props, auth);
  }

  /**
   * Jakarta Mail's SMTP settings. With credentials STARTTLS is required whatever {@code starttls}
   * says: the password never travels in clear text, and a server that offers no STARTTLS gets no
   * mail instead.
   */
  static Properties smtpProperties(
      String host, int port, boolean starttls, Optional<String> username) {
    boolean credentials = username.filter(u -> !u.isBlank()).isPresent();
    boolean tls = starttls || credentials;
    Properties props = new Properties();
    props.put("mail.transport.protocol", "smtp");
    props.put("mail.smtp.host", host);
    props.put("mail.smtp.port", Integer.toString(port));
    props.put("mail.smtp.starttls.enable", Boolean.toString(tls));
    props.put("mail.smtp.starttls.required", Boolean.toString(tls));
    // Never hang a worker thread on a dead mail server.
    props.put("mail.smtp.connectiontimeout", "10000");
    props.put("mail.smtp.timeout", "10000");
    props.put("mail.smtp.writetimeout", "10000");
    if (credentials) {
      props.put("mail.smtp.auth", "true");
    }
    return props;
  }

  /** Plain text first, HTML last: mail clients show the last alternative they can render. */
  static MimeMultipart alternatives(Mail mail) throws MessagingException {
    MimeBodyPart text = new MimeBodyPart();
    text.setText(mail.body(), "UTF-8");
    MimeBodyPart html = new MimeBodyPart();
    html.setText(mail.html(), "UTF-8", "html");
    return new MimeMultipart("alternative", text, html);
  }

  @Asynchronous
  public void send(Mail mail) {
    deliver(mail);
  }

  /**
   * Sends on the caller's thread and says whether the mail server took the mail: for senders that
   * keep a mail queued until it is delivered (assignment reminders). Fails soft like {@link #send}.
   */
  public boolean deliver(Mail mail) {
    try {
      MimeMessage message = new MimeMessage(session);
      message.setFrom(new InternetAddress(from));
      message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(mail.to(), true));
      message.setSubject(mail.subject(), "UTF-8");
      if (mail.html() == null) {
        message.setText(mail.body(), "UTF-8");
      } else {
        message.setContent(alternatives(mail));
      }
      Transport.send(message);
      LOG.fine(() -> "mail sent: " + mail.kind());
      return true;
    } catch (MessagingException | RuntimeException e) {
      LOG.warning(
          () ->
              "mail not sent ("
                  + mail.kind()
                  + "): "
                  + e.getClass().getSimpleName()
                  + " talking to "
                  + host
                  + ":"
                  + port
                  + ". Check kursfilm.mail.*; for local development, account mails show their"
                  + " links in the admin's response with kursfilm.mail.show-links=true.");
      return false;
    }
  }
}
