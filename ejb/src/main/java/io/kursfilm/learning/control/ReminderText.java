package io.kursfilm.learning.control;

import static io.kursfilm.platform.boundary.HtmlText.escape;

import io.kursfilm.learning.boundary.ReminderKind;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Writes a reminder in the person's language (German or English; English when they never picked
 * one): subject, plain text and HTML. The title is a trainer's own text, escaped in HTML, and put
 * in after the template is read, so a title holding a placeholder stays text. Texts come from
 * {@code ReminderMails*.properties}.
 */
public final class ReminderText {

  /** A written mail, without its address. */
  public record Written(String subject, String text, String html) {}

  static final String BUNDLE = "io.kursfilm.learning.control.ReminderMails";

  private ReminderText() {}

  public static Written write(
      ReminderKind kind, String language, String title, LocalDate due, String link) {
    Locale locale = "de".equals(language) ? Locale.GERMAN : Locale.ENGLISH;
    ResourceBundle texts =
        ResourceBundle.getBundle(
            BUNDLE,
            locale,
            ReminderText.class.getClassLoader(),
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    String shownTitle = title == null ? "" : title;
    String date =
        due.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale));
    String[] parts = texts.getString(kind.name() + ".text").split("\\{title\\}", 2);
    String before = parts[0].replace("{due}", date);
    String after = parts.length > 1 ? parts[1].replace("{due}", date) : "";
    String text =
        before
            + shownTitle
            + after
            + "\n\n"
            + texts.getString("open")
            + "\n"
            + link
            + "\n\n-- \n"
            + texts.getString("footer")
            + "\n";
    String html =
        "<!DOCTYPE html><html lang=\""
            + locale.getLanguage()
            + "\"><body><p>"
            + escape(before)
            + escape(shownTitle)
            + escape(after)
            + "</p><p><a href=\""
            + escape(link)
            + "\">"
            + escape(texts.getString("open"))
            + "</a></p><p>"
            + escape(texts.getString("footer"))
            + "</p></body></html>";
    return new Written(texts.getString(kind.name() + ".subject"), text, html);
  }
}
