package io.kursfilm.platform.boundary;

/**
 * Text placed into the HTML parts of the mails every component sends through the {@link Mailer}.
 */
public final class HtmlText {

  private HtmlText() {}

  /** The five characters that are markup in HTML text and attribute values, escaped. */
  public static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
