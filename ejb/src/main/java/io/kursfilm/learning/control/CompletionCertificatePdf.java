package io.kursfilm.learning.control;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Renders a certificate of completion as a one-page PDF (Apache PDFBox), in German or English.
 * Rendered on each download from the sealed sources, so nothing of the person or the title is
 * stored in clear. Dates are shown in UTC, the platform's one time zone.
 */
public final class CompletionCertificatePdf {

  private static final float MARGIN = 60;
  private static final int WRAP = 60;

  private static final Map<String, String> DE =
      Map.of(
          "heading", "Teilnahmebescheinigung",
          "certify", "Hiermit wird bestätigt, dass",
          "VIDEO", "das Schulungsvideo",
          "COURSE", "den Kurs",
          "completed", "abgeschlossen hat am",
          "id", "Prüfnummer:",
          "verify", "Prüfen unter:",
          "untitled", "(ohne Titel)");
  private static final Map<String, String> EN =
      Map.of(
          "heading", "Certificate of completion",
          "certify", "This is to certify that",
          "VIDEO", "has completed the training video",
          "COURSE", "has completed the course",
          "completed", "on",
          "id", "Verification id:",
          "verify", "Verify at:",
          "untitled", "(untitled)");

  private CompletionCertificatePdf() {}

  public static byte[] render(CertificateContent c) {
    boolean german = "de".equals(c.language());
    Map<String, String> t = german ? DE : EN;
    DateTimeFormatter date =
        DateTimeFormatter.ofPattern(german ? "d. MMMM yyyy" : "d MMMM yyyy")
            .withLocale(german ? Locale.GERMAN : Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    String title = c.subjectTitle() == null ? t.get("untitled") : c.subjectTitle();
    try (PDDocument pdf = new PDDocument()) {
      PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
      PDPage page = new PDPage(PDRectangle.A4);
      pdf.addPage(page);
      try (PDPageContentStream out = new PDPageContentStream(pdf, page)) {
        Writer w = new Writer(out, page.getMediaBox().getHeight() - MARGIN);
        w.line(bold, 12, c.companyName());
        w.gap(60);
        w.line(bold, 26, t.get("heading"));
        w.gap(40);
        w.line(regular, 13, t.get("certify"));
        w.gap(8);
        w.lines(bold, 18, c.personName());
        w.gap(8);
        w.line(regular, 13, t.get(c.subjectKind()));
        w.gap(8);
        w.lines(bold, 16, title);
        w.gap(8);
        w.line(regular, 13, t.get("completed") + " " + date.format(c.completedAt()) + ".");
        w.gap(120);
        w.line(regular, 9, t.get("id") + " " + c.id());
        w.line(regular, 9, t.get("verify") + " " + c.verifyUrl());
      }
      pdf.getDocumentInformation().setTitle(t.get("heading"));
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      pdf.save(bytes);
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot render the certificate PDF", e);
    }
  }

  /** Writes lines top-down; text the font cannot encode becomes '?', never a failed download. */
  private static final class Writer {
    private final PDPageContentStream out;
    private float y;

    Writer(PDPageContentStream out, float top) {
      this.out = out;
      this.y = top;
    }

    void gap(float points) {
      y -= points;
    }

    void line(PDType1Font font, float size, String text) throws IOException {
      y -= size * 1.3f;
      out.beginText();
      out.setFont(font, size);
      out.newLineAtOffset(MARGIN, y);
      out.showText(encodable(font, text == null ? "" : text));
      out.endText();
    }

    void lines(PDType1Font font, float size, String text) throws IOException {
      for (String part : wrap(text == null ? "" : text)) {
        line(font, size, part);
      }
    }
  }

  static List<String> wrap(String text) {
    List<String> out = new ArrayList<>();
    String rest = text.strip();
    while (rest.length() > WRAP) {
      int cut = rest.lastIndexOf(' ', WRAP);
      cut = cut <= 0 ? WRAP : cut;
      out.add(rest.substring(0, cut));
      rest = rest.substring(cut).strip();
    }
    out.add(rest);
    return out;
  }

  private static String encodable(PDType1Font font, String text) {
    StringBuilder kept = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            cp -> {
              String s = new String(Character.toChars(cp));
              try {
                font.encode(s);
                kept.append(s);
              } catch (IOException | IllegalArgumentException e) {
                kept.append('?');
              }
            });
    return kept.toString();
  }
}
