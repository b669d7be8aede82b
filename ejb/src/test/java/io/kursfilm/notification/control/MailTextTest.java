package io.kursfilm.notification.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kursfilm.notification.boundary.NotificationKind;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MailTextTest {

  private static final String LINK = "https://kursfilm.example/watch.xhtml?id=v-1&x=1";

  @Test
  void a_title_with_markup_is_escaped_in_the_html_and_kept_in_the_text() {
    String title = "<script>alert('x')</script> & \"more\"";
    MailText.Written mail = MailText.write(NotificationKind.REVIEW_WAITING, "en", title, 3, LINK);
    assertFalse(mail.html().contains("<script>"), mail.html());
    assertTrue(
        mail.html()
            .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;more&quot;"),
        mail.html());
    assertTrue(mail.text().contains(title), "plain text shows the title as it is");
    assertTrue(
        mail.html().contains("href=\"https://kursfilm.example/watch.xhtml?id=v-1&amp;x=1\""));
    assertTrue(mail.text().contains(LINK));
  }

  @Test
  void a_title_is_never_read_as_a_template() {
    MailText.Written mail =
        MailText.write(NotificationKind.APPROVED, "en", "{version} and {link} $1 \\", 4, LINK);
    assertTrue(
        mail.text().contains("Version 4 of \u201c{version} and {link} $1 \\\u201d"), mail.text());
  }

  @Test
  void german_for_people_who_picked_german_english_otherwise() {
    MailText.Written de =
        MailText.write(NotificationKind.CHANGES_REQUESTED, "de", "Brandschutz", 2, LINK);
    assertEquals("Kursfilm: \u00c4nderungen an Ihrem Video erbeten", de.subject());
    assertTrue(de.text().contains("Version 2 von \u201eBrandschutz\u201c"), de.text());
    assertTrue(de.html().startsWith("<!DOCTYPE html><html lang=\"de\">"));
    for (String language : new String[] {null, "en", "fr"}) {
      MailText.Written en =
          MailText.write(NotificationKind.CHANGES_REQUESTED, language, "Fire safety", 2, LINK);
      assertEquals("Kursfilm: changes requested for your video", en.subject(), language);
      assertTrue(en.html().startsWith("<!DOCTYPE html><html lang=\"en\">"), language);
    }
  }

  @Test
  void english_does_not_depend_on_the_servers_default_locale() {
    Locale before = Locale.getDefault();
    try {
      Locale.setDefault(Locale.GERMAN);
      assertEquals(
          "Kursfilm: a video waits for your review",
          MailText.write(NotificationKind.REVIEW_WAITING, null, "t", 1, LINK).subject());
    } finally {
      Locale.setDefault(before);
    }
  }

  @Test
  void every_kind_has_a_subject_and_a_text_in_both_languages() {
    for (NotificationKind kind : NotificationKind.values()) {
      for (String language : new String[] {"de", "en"}) {
        MailText.Written mail = MailText.write(kind, language, "Title", 7, LINK);
        assertFalse(mail.subject().isBlank(), kind + " " + language);
        assertTrue(mail.text().contains("Title") && mail.text().contains("7"), kind + language);
        assertFalse(mail.text().contains("{"), kind + " " + language + ": " + mail.text());
      }
    }
  }

  @Test
  void escape_covers_the_characters_html_reads_as_markup() {
    assertEquals(
        "a&amp;b&lt;c&gt;d&quot;e&#39;f",
        io.kursfilm.platform.boundary.HtmlText.escape("a&b<c>d\"e'f"));
    assertEquals("\u00e4\u201e", io.kursfilm.platform.boundary.HtmlText.escape("\u00e4\u201e"));
  }

  @Test
  void fill_replaces_known_placeholders_only() {
    assertEquals(
        "x 1 {other}",
        MailText.fill("{title} {version} {other}", Map.of("title", "x", "version", "1")));
  }
}
