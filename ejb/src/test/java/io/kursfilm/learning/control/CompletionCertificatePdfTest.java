package io.kursfilm.learning.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class CompletionCertificatePdfTest {

  private static final String ID = "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcde";
  private static final Instant COMPLETED = Instant.parse("2026-03-14T10:00:00Z");

  @Test
  void an_english_certificate_names_person_title_company_date_and_verification() throws Exception {
    String text =
        text(
            CompletionCertificatePdf.render(content("VIDEO", "Fire safety at the workshop", "en")));
    assertTrue(text.contains("Certificate of completion"), text);
    assertTrue(text.contains("Acme Werkstätten GmbH"), text);
    assertTrue(text.contains("Jürgen Weiß"), text);
    assertTrue(text.contains("Fire safety at the workshop"), text);
    assertTrue(text.contains("14 March 2026"), text);
    assertTrue(text.contains(ID), text);
    assertTrue(text.contains("https://kursfilm.example/verify.xhtml?id=" + ID), text);
  }

  @Test
  void a_german_certificate_speaks_german() throws Exception {
    String text = text(CompletionCertificatePdf.render(content("COURSE", "Erste Hilfe", "de")));
    assertTrue(text.contains("Teilnahmebescheinigung"), text);
    assertTrue(text.contains("den Kurs"), text);
    assertTrue(text.contains("14. März 2026"), text);
    assertTrue(text.contains("Prüfnummer: " + ID), text);
  }

  @Test
  void a_long_title_wraps_and_characters_the_font_lacks_do_not_break_the_pdf() throws Exception {
    String title = "Sicherer Umgang mit Gefahrstoffen im Labor ".repeat(4) + "→ 安全";
    String text = text(CompletionCertificatePdf.render(content("VIDEO", title, "de")));
    assertTrue(text.contains("Gefahrstoffen"), text);
    assertTrue(text.contains("? ??"), text);
  }

  @Test
  void wrap_keeps_every_word() {
    String long60 = "word ".repeat(30).strip();
    assertEquals(long60, String.join(" ", CompletionCertificatePdf.wrap(long60)));
  }

  private static CertificateContent content(String kind, String title, String language) {
    return new CertificateContent(
        ID,
        "Acme Werkstätten GmbH",
        "Jürgen Weiß",
        kind,
        title,
        COMPLETED,
        "https://kursfilm.example/verify.xhtml?id=" + ID,
        language);
  }

  private static String text(byte[] pdf) throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(doc);
    }
  }
}
