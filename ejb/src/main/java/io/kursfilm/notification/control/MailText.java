package io.kursfilm.notification.control;

import static io.kursfilm.platform.boundary.HtmlText.escape;

import io.kursfilm.notification.boundary.NotificationKind;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes the mail of one notification in the person's language (German or English; English when
 * they never picked one): subject, plain text and HTML. The title is the trainer's own text, so it
 * is escaped wherever it lands in HTML, and placeholders are filled in one pass, so a title that
 * contains {@code {link}} stays text. Texts come from {@code NotificationMails*.properties}.
 */
final class MailText {

  /** A written mail, without its address. */
  record Written(String subject, String text, String html) {}

  static final String BUNDLE = "io.kursfilm.notification.control.NotificationMails";

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(title|version)\\}");

  private MailText() {}

  static Written write(
      NotificationKind kind, String language, String title, int version, String link) {
    Locale locale = locale(language);
    ResourceBundle texts =
        ResourceBundle.getBundle(
            BUNDLE,
            locale,
            MailText.class.getClassLoader(),
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    String template = texts.getString(kind.name() + ".text");
    String shownTitle = title == null ? "" : title;
    String number = Integer.toString(version);
    String text =
        fill(template, Map.of("title", shownTitle, "version", number))
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
            + fill(escape(template), Map.of("title", escape(shownTitle), "version", number))
            + "</p><p><a href=\""
            + escape(link)
            + "\">"
            + escape(texts.getString("open"))
            + "</a></p><p>"
            + escape(texts.getString("footer"))
            + "</p></body></html>";
    return new Written(texts.getString(kind.name() + ".subject"), text, html);
  }

  /** German for {@code de}, English for anything else and for no choice. */
  static Locale locale(String language) {
    return "de".equals(language) ? Locale.GERMAN : Locale.ENGLISH;
  }

  /** Replaces each known placeholder once; what the values contain is never read as a template. */
  static String fill(String template, Map<String, String> values) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(values.get(m.group(1))));
    }
    m.appendTail(out);
    return out.toString();
  }
}
