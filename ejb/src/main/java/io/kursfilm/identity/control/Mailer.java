package io.kursfilm.identity.control;

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
import jakarta.mail.internet.MimeMessage;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends the app's e-mails over SMTP with Jakarta Mail, configured by {@code kursfilm.mail.*}.
 * Asynchronous, so a slow mail server neither holds a transaction open nor lets response times tell
 * whether an account exists. Fails soft: a mail that cannot be sent is logged by kind only (never
 * address, subject or body: they carry personal data and live links).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Mailer {

  /** One plain-text mail; {@code kind} names it in the log. */
  public record Mail(String kind, String to, String subject, String body) {}

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

  @Asynchronous
  public void send(Mail mail) {
    try {
      MimeMessage message = new MimeMessage(session);
      message.setFrom(new InternetAddress(from));
      message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(mail.to(), true));
      message.setSubject(mail.subject(), "UTF-8");
      message.setText(mail.body(), "UTF-8");
      Transport.send(message);
      LOG.fine(() -> "mail sent: " + mail.kind());
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
                  + ". Check kursfilm.mail.*; for local development set"
                  + " kursfilm.mail.show-links=true to get links in the admin's response.");
    }
  }
}
