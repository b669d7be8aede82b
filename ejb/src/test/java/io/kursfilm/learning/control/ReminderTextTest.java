package io.kursfilm.learning.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kursfilm.learning.boundary.ReminderKind;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ReminderTextTest {

  private static final LocalDate DUE = LocalDate.of(2026, 12, 24);

  @Test
  void a_reminder_is_written_in_the_persons_language() {
    ReminderText.Written de =
        ReminderText.write(
            ReminderKind.BEFORE, "de", "Brandschutz", DUE, "http://x/watch.xhtml?id=1");
    assertTrue(de.subject().contains("bald f\u00e4llig"), de.subject());
    assertTrue(
        de.text().contains("Brandschutz") && de.text().contains("24. Dezember 2026"), de.text());
    ReminderText.Written en =
        ReminderText.write(
            ReminderKind.OVERDUE, null, "Fire safety", DUE, "http://x/watch.xhtml?id=1");
    assertTrue(en.subject().contains("overdue"), en.subject());
    assertTrue(en.text().contains("December 24, 2026"), en.text());
    assertTrue(en.text().contains("http://x/watch.xhtml?id=1"));
  }

  @Test
  void a_title_is_escaped_in_html_and_never_read_as_a_template() {
    ReminderText.Written mail =
        ReminderText.write(
            ReminderKind.BEFORE, "en", "<b>{due}</b> & co", DUE, "http://x/?a=1&b=2");
    assertTrue(mail.html().contains("&lt;b&gt;{due}&lt;/b&gt; &amp; co"), mail.html());
    assertFalse(mail.html().contains("<b>"));
    assertTrue(mail.text().contains("<b>{due}</b> & co"), mail.text());
    assertTrue(mail.html().contains("href=\"http://x/?a=1&amp;b=2\""));
  }
}
