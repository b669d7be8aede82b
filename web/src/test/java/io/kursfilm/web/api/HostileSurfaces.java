package io.kursfilm.web.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where stored text comes back to people: rendered pages (by name), the HTML parts of the mails the
 * company's people received, and the CSV exports. Plain-text mail parts are no HTML and not
 * searched for markup.
 */
record HostileSurfaces(Map<String, String> pages, List<String> mailHtml, String csv) {

  /** The surfaces (pages, "mail n") whose text contains {@code raw}. */
  List<String> containing(String raw) {
    List<String> found = new ArrayList<>();
    pages.forEach(
        (name, html) -> {
          if (html.contains(raw)) {
            found.add(name);
          }
        });
    for (int i = 0; i < mailHtml.size(); i++) {
      if (mailHtml.get(i).contains(raw)) {
        found.add("mail " + (i + 1));
      }
    }
    return found;
  }

  /** The pages and HTML mails that show {@code escaped}. */
  List<String> showing(String escaped) {
    return containing(escaped);
  }

  boolean csvHas(String text) {
    return csv.contains(text);
  }

  String summary() {
    return pages.size() + " pages, " + mailHtml.size() + " HTML mails, CSV exports: escaped";
  }
}
