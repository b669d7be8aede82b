package io.kursfilm.identity.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

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
}
