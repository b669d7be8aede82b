package io.kursfilm.platform.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.BodyPart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class MailerTest {

  @Test
  void credentials_force_starttls_even_when_it_is_switched_off() {
    Properties smtp = Mailer.smtpProperties("mail.example", 587, false, Optional.of("kursfilm"));
    assertEquals("true", smtp.getProperty("mail.smtp.starttls.enable"));
    assertEquals("true", smtp.getProperty("mail.smtp.starttls.required"));
    assertEquals("true", smtp.getProperty("mail.smtp.auth"));
  }

  @Test
  void without_credentials_starttls_follows_the_setting() {
    Properties plain = Mailer.smtpProperties("localhost", 25, false, Optional.empty());
    assertEquals("false", plain.getProperty("mail.smtp.starttls.required"));
    assertFalse(plain.containsKey("mail.smtp.auth"));
    Properties blank = Mailer.smtpProperties("localhost", 25, false, Optional.of(" "));
    assertEquals("false", blank.getProperty("mail.smtp.starttls.required"));
    Properties tls = Mailer.smtpProperties("localhost", 25, true, Optional.empty());
    assertEquals("true", tls.getProperty("mail.smtp.starttls.required"));
  }

  @Test
  void an_html_mail_carries_the_plain_text_first_and_the_html_last() throws Exception {
    Session session = Session.getInstance(new Properties());
    MimeMessage sent = new MimeMessage(session);
    sent.setContent(
        Mailer.alternatives(
            new Mailer.Mail("test", "a@b.example", "Subject", "plain text", "<p>html</p>")));
    sent.saveChanges();
    ByteArrayOutputStream wire = new ByteArrayOutputStream();
    sent.writeTo(wire);

    MimeMessage received = new MimeMessage(session, new ByteArrayInputStream(wire.toByteArray()));
    assertTrue(received.isMimeType("multipart/alternative"), received.getContentType());
    MimeMultipart parts = (MimeMultipart) received.getContent();
    assertEquals(2, parts.getCount());
    BodyPart text = parts.getBodyPart(0);
    BodyPart html = parts.getBodyPart(1);
    assertTrue(text.isMimeType("text/plain"), text.getContentType());
    assertTrue(html.isMimeType("text/html"), html.getContentType());
    assertTrue(html.getContentType().toLowerCase().contains("charset=utf-8"));
    assertEquals("plain text", text.getContent());
    assertEquals("<p>html</p>", html.getContent());
  }
}
